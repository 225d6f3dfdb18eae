"""Every distinct speaker the multi-speaker base learns from, all from Debian packages.

kind "festival": a festival voice reads sentences of its own language (texts.py).
kind "recordings": real human recordings with their transcripts.
`lang` is the language Herald's phonemizer is given (`herald phonemize --lang`), so the
ids are the ones the daemon sends. `rate` is the rate of the audio's content (festival's output rate; hy_fi_mv writes 22050
but holds nothing above 8 kHz, so it counts as 16000): `rate` is what the source holds: the loss ignores
what lies above half of it (an 8 kHz prompt teaches the timbre below 4 kHz only).

Held out of the base, so enrollment can be measured on speakers it never heard:
`kal` (festvox-kallpc16k) and Allison (asterisk-core-sounds-en and -es, one person).
The English voice the project keeps for acceptance is not in this file, on purpose: it is
never used, in training, tests or tuning.
"""

FESTIVAL = "/usr/share/festival/voices"
ASTERISK = "/usr/share/asterisk/sounds"
ASTERISK_TXT = "/usr/share/doc/asterisk-core-sounds-{lang}/core-sounds-{lang}.txt.gz"

# name: speaker id in the base; one person speaking two languages is one speaker.
BASE = [
    {"name": "slt", "kind": "festival", "voice": "cmu_us_slt_arctic_hts", "lang": "en-us", "rate": 32000, "package": "festvox-us-slt-hts"},
    {"name": "ona", "kind": "festival", "voice": "upc_ca_ona_hts", "lang": "ca", "rate": 16000, "package": "festvox-ca-ona-hts"},
    {"name": "dita", "kind": "festival", "voice": "czech_dita", "lang": "cs", "rate": 32000, "package": "festvox-czech-dita"},
    {"name": "machac", "kind": "festival", "voice": "czech_machac", "lang": "cs", "rate": 32000, "package": "festvox-czech-machac"},
    {"name": "krb", "kind": "festival", "voice": "czech_krb", "lang": "cs", "rate": 32000, "package": "festvox-czech-krb"},
    {"name": "ph", "kind": "festival", "voice": "czech_ph", "lang": "cs", "rate": 44100, "package": "festvox-czech-ph"},
    {"name": "lj", "kind": "festival", "voice": "suo_fi_lj_diphone", "lang": "fi", "rate": 22050, "package": "festvox-suopuhe-lj"},
    {"name": "mv", "kind": "festival", "voice": "hy_fi_mv_diphone", "lang": "fi", "rate": 16000, "package": "festvox-suopuhe-mv"},
    {"name": "lp", "kind": "festival", "voice": "lp_diphone", "lang": "it", "rate": 16000, "package": "festvox-italp16k"},
    {"name": "pc", "kind": "festival", "voice": "pc_diphone", "lang": "it", "rate": 16000, "package": "festvox-itapc16k"},
    {"name": "nsk", "kind": "festival", "voice": ["hindi_NSK_diphone", "marathi_NSK_diphone", "telugu_NSK_diphone"],
     "lang": ["hi", "mr", "te"], "rate": 16000, "package": "festvox-hi-nsk festvox-mr-nsk festvox-te-nsk"},
    {"name": "nsh", "kind": "recordings", "source": "festvox-ru", "lang": "ru", "rate": 16000, "package": "festvox-ru"},
    {"name": "june", "kind": "recordings", "source": "asterisk:fr", "lang": "fr", "rate": 8000, "package": "asterisk-core-sounds-fr-wav asterisk-core-sounds-fr"},
    {"name": "carlo", "kind": "recordings", "source": "asterisk:it", "lang": "it", "rate": 8000, "package": "asterisk-core-sounds-it-wav asterisk-core-sounds-it"},
    {"name": "ivr-ru", "kind": "recordings", "source": "asterisk:ru", "lang": "ru", "rate": 8000, "package": "asterisk-core-sounds-ru-wav asterisk-core-sounds-ru"},
]

# Kept out of the base; the enrollment benchmark clones them (evaluate-clone).
HELD_OUT = [
    {"name": "kal", "kind": "festival", "voice": "kal_diphone", "lang": "en-us", "rate": 16000, "package": "festvox-kallpc16k"},
    {"name": "allison", "kind": "recordings", "source": "asterisk:en", "lang": "en-us", "rate": 8000, "package": "asterisk-core-sounds-en-wav asterisk-core-sounds-en"},
]
