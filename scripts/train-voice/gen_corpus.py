#!/usr/bin/python3
"""Generate the training corpus (and the held-out evaluation set) for the
Herald student voice.

All numbers, times and letters are written out as words, so that the teacher
(festival) and Herald's phonemizer read exactly the same words.

Usage: gen_corpus.py OUT_DIR [N_TRAIN]
Writes OUT_DIR/train.txt (one sentence per line) and OUT_DIR/heldout.txt.
The held-out sentences are never in train.txt (checked exactly, case- and
punctuation-insensitively).
"""
import os
import random
import re
import sys

SEED = 1234

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
       "nine": "ninth", "twelve": "twelfth"}


def num(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else " " + ONES[o])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " and " + num(r))
    th, r = divmod(n, 1000)
    return num(th) + " thousand" + ("" if r == 0 else (" and " if r < 100 else " ") + num(r))


def ordinal(n):
    w = num(n).split(" ")
    last = w[-1]
    if last in ORD:
        w[-1] = ORD[last]
    elif last.endswith("y"):
        w[-1] = last[:-1] + "ieth"
    else:
        w[-1] = last + "th"
    return " ".join(w)


def time_words(r):
    h = r.randint(1, 12)
    m = r.choice([0, 0, 5, 10, 15, 20, 25, 30, 30, 35, 40, 45, 45, 50, 55] + [r.randint(1, 59)])
    style = r.random()
    if m == 0:
        return r.choice([num(h) + " o'clock", num(h) + " hundred hours" if False else num(h) + " o'clock",
                         num(h) + " " + r.choice(["a m", "p m"])])
    if style < 0.25 and m in (15, 30, 45):
        return {15: "quarter past ", 30: "half past ", 45: "quarter to "}[m] + num(h if m != 45 else h % 12 + 1)
    mm = ("oh " + num(m)) if m < 10 else num(m)
    return num(h) + " " + mm


LETTERS = list("ABCDEFGHJKLMNPRSTW")
PLACES = """London Leeds York Bristol Cardiff Glasgow Edinburgh Manchester Liverpool Sheffield
Birmingham Norwich Oxford Cambridge Brighton Plymouth Exeter Reading Swindon Bath Derby Durham
Newcastle Carlisle Preston Lancaster Chester Crewe Stafford Coventry Leicester Nottingham Lincoln
Peterborough Ipswich Colchester Southampton Portsmouth Bournemouth Salisbury Gloucester Worcester
Hereford Shrewsbury Aberdeen Dundee Inverness Perth Stirling Boston Chicago Denver Seattle Portland
Phoenix Dallas Houston Austin Atlanta Miami Orlando Tampa Nashville Memphis Detroit Cleveland
Pittsburgh Philadelphia Baltimore Richmond Charlotte Raleigh Buffalo Albany Hartford Providence
Burlington Toronto Montreal Ottawa Vancouver Calgary Dublin Paris Brussels Amsterdam Berlin Munich
Hamburg Vienna Zurich Geneva Milan Rome Madrid Lisbon Barcelona Oslo Stockholm Helsinki Copenhagen
Prague Warsaw Budapest Athens Sydney Melbourne Auckland Chelsea Kingston Richmond Greenwich
Woodside Riverside Fairview Oakwood Maple Grove Springfield Franklin Clinton Georgetown Salem
Madison Arlington Lexington Ashford Hastings Dover Canterbury Maidstone Guildford Woking""".split()
STATIONS = ["Central", "Central Station", "Park", "Junction", "Parkway", "North", "South", "East", "West",
            "International", "Bridge", "Road", "Street", "Airport", "Harbour", "Square"]
AIRLINES = ["Northern Air", "Blue Sky Airways", "Atlantic", "Coastal Express", "Summit Air", "Pacific Star",
            "Island Hopper", "Eagle Airlines", "Aurora", "Crown Airways"]
OPERATORS = ["Great Western", "Northern Rail", "Coastline", "Metro Link", "City Express", "Valley Lines",
             "Cross Country", "Harbour Ferries", "Greenway Buses", "Lakeside Coaches"]
REASONS = ["a signal failure", "a broken down train", "a shortage of train crew", "severe weather",
           "a points failure", "an earlier incident", "congestion on the line", "a fault with this train",
           "a trespasser on the railway", "flooding near the station", "a late running freight train",
           "an operational problem", "high winds", "a power failure", "engineering works",
           "heavy traffic", "a technical fault", "a medical emergency", "fog at the airport",
           "a delay to the incoming aircraft", "a security alert", "industrial action"]
VEHICLES = ["train", "service", "bus", "coach", "flight", "ferry", "tram", "shuttle"]
FOOD = ["sandwiches", "hot drinks", "light snacks", "coffee", "tea", "cold drinks", "fresh fruit",
        "soup", "pastries", "breakfast", "hot meals"]
NAMES = ["Anna", "James", "Maria", "David", "Sarah", "Peter", "Lucy", "Thomas", "Emily", "Robert",
         "Grace", "Daniel", "Olivia", "Samuel", "Hannah", "Michael", "Sophie", "George", "Chloe", "Henry",
         "Laura", "Oliver", "Rachel", "William", "Alice", "Edward", "Jessica", "Jack", "Ruth", "Martin"]
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
            "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris",
            "Clarke", "Jackson", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morgan", "Baker", "Price"]
ROOMS = ["the main entrance", "the ticket office", "the information desk", "the north exit",
         "the south concourse", "the car park", "reception", "the first aid room", "the lost property office",
         "the waiting room", "the east wing", "the second floor", "the departure lounge", "the food court",
         "the security office", "the customer service desk", "the meeting point"]


def place(r):
    p = r.choice(PLACES)
    if r.random() < 0.35:
        p += " " + r.choice(STATIONS)
    return p


def gate(r):
    return r.choice(LETTERS) + " " + num(r.randint(1, 60)) if r.random() < 0.5 else num(r.randint(1, 99))


def announcement(r):
    v = r.choice(VEHICLES)
    t = [
        lambda: f"The {time_words(r)} {v} to {place(r)} will depart from platform {num(r.randint(1, 24))}.",
        lambda: f"Platform {num(r.randint(1, 24))} for the {time_words(r)} {r.choice(OPERATORS)} service to {place(r)}, calling at {place(r)}, {place(r)} and {place(r)}.",
        lambda: f"We are sorry to announce that the {time_words(r)} {v} to {place(r)} has been cancelled.",
        lambda: f"The {time_words(r)} {v} to {place(r)} is delayed by approximately {num(r.randint(2, 90))} minutes.",
        lambda: f"This delay is due to {r.choice(REASONS)}.",
        lambda: f"Flight {r.choice(LETTERS)} {r.choice(LETTERS)} {num(r.randint(1, 999))} to {place(r)} is now boarding at gate {gate(r)}.",
        lambda: f"This is the final call for passengers on flight {r.choice(LETTERS)} {r.choice(LETTERS)} {num(r.randint(1, 999))} to {place(r)}. Please go immediately to gate {gate(r)}.",
        lambda: f"{r.choice(AIRLINES)} flight {num(r.randint(10, 999))} from {place(r)} has landed and passengers will arrive at gate {gate(r)}.",
        lambda: f"The {v} now arriving at bay {num(r.randint(1, 40))} is the {time_words(r)} to {place(r)}.",
        lambda: f"Bus number {num(r.randint(1, 199))} to {place(r)} will leave from bay {num(r.randint(1, 40))} in {num(r.randint(2, 30))} minutes.",
        lambda: f"Please stand clear of the doors. This {v} is ready to depart.",
        lambda: f"Please mind the gap between the {v} and the platform edge.",
        lambda: f"Please do not leave luggage unattended. Unattended items may be removed or destroyed.",
        lambda: f"If you see something suspicious, please report it to a member of staff or call {num(r.randint(1, 9))} {num(r.randint(1, 9))} {num(r.randint(1, 9))}.",
        lambda: f"Smoking is not permitted anywhere on this {v}, including the toilets.",
        lambda: f"The next station is {place(r)}. Change here for services to {place(r)} and {place(r)}.",
        lambda: f"This {v} will be formed of {num(r.randint(2, 12))} carriages. First class is at the {r.choice(['front', 'rear'])} of the {v}.",
        lambda: f"Coach {r.choice(LETTERS)} is the quiet coach. Please keep noise to a minimum.",
        lambda: f"A trolley service offering {r.choice(FOOD)} and {r.choice(FOOD)} will pass through the {v} shortly.",
        lambda: f"Would {r.choice(NAMES)} {r.choice(SURNAMES)} please come to {r.choice(ROOMS)}.",
        lambda: f"Attention please: the {time_words(r)} {v} to {place(r)} will now depart from platform {num(r.randint(1, 24))}, not platform {num(r.randint(1, 24))}.",
        lambda: f"Warning: the temperature outside is {num(r.randint(0, 40))} degrees. Please take care on icy surfaces.",
        lambda: f"Fire alarm! Please leave the building by the nearest exit and assemble at {r.choice(ROOMS)}.",
        lambda: f"Caution, the floor is wet. Please walk carefully.",
        lambda: f"The meeting in room {num(r.randint(1, 500))} will start at {time_words(r)}.",
        lambda: f"Doors will close in {num(r.randint(1, 10))} minutes. Last entry is at {time_words(r)}.",
        lambda: f"Your order number {num(r.randint(1, 999))} is ready for collection at counter {num(r.randint(1, 12))}.",
        lambda: f"Ticket number {num(r.randint(1, 999))}, please go to desk {num(r.randint(1, 20))}.",
        lambda: f"The {ordinal(r.randint(1, 30))} {v} of the day leaves at {time_words(r)} from stand {r.choice(LETTERS)}.",
        lambda: f"Is this the {v} to {place(r)}? No, this {v} terminates at {place(r)}.",
        lambda: f"Ladies and gentlemen, welcome aboard this {r.choice(OPERATORS)} {v} to {place(r)}.",
        lambda: f"We will shortly be arriving at {place(r)}, where this {v} terminates. Please take all your belongings with you.",
        lambda: f"The lift on platform {num(r.randint(1, 24))} is out of order. Please use the ramp or the stairs.",
        lambda: f"Storm warning: winds of up to {num(r.randint(40, 120))} kilometres per hour are expected after {time_words(r)}.",
        lambda: f"Gates {gate(r)} to {gate(r)} are now closed; please use gate {gate(r)} instead.",
        lambda: f"The car park will close at {time_words(r)} tonight. Please collect your vehicle before then.",
        lambda: f"Check in for flight {num(r.randint(1, 999))} to {place(r)} is now open at desks {num(r.randint(1, 30))} to {num(r.randint(31, 60))}.",
        lambda: f"Passengers travelling to {place(r)} should change at {place(r)} and take the {v} from platform {num(r.randint(1, 24))}.",
        lambda: f"Reminder: the {ordinal(r.randint(1, 31))} of {r.choice(MONTHS)} is a public holiday, and a reduced timetable will operate.",
        lambda: f"There are {num(r.randint(2, 500))} seats available on the {time_words(r)} {v} to {place(r)}.",
        lambda: f"The temperature is {num(r.randint(1, 35))} degrees, with a {num(r.randint(1, 99))} percent chance of rain.",
        lambda: f"Tickets cost {num(r.randint(2, 99))} pounds {r.choice(['', 'and ' + num(r.randint(1, 99)) + ' pence'])}, or {num(r.randint(1, 20))} dollars for children.",
        lambda: f"Emergency! Please evacuate {r.choice(ROOMS)} immediately.",
        lambda: f"Good {r.choice(['morning', 'afternoon', 'evening'])}, and welcome to {place(r)}.",
        lambda: f"The {r.choice(['north', 'south', 'east', 'west'])} entrance will be closed from {time_words(r)} until {time_words(r)}.",
    ]
    return r.choice(t)()


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# ---- a small grammar for ordinary prose -------------------------------------------------
ADJ = """small large old young quiet loud bright dark warm cold heavy light quick slow gentle rough
smooth sharp soft hard green blue red yellow golden silver wooden narrow wide deep shallow busy
empty strange familiar careful nervous happy tired curious clever simple broken ancient modern
distant nearby tall short sweet bitter fresh dusty muddy frozen hollow proud lonely friendly
angry calm honest famous hidden useful""".split()
NOUN = """house garden river mountain village city window table chair letter book teacher doctor
farmer child dog cat horse bird forest road bridge market station kitchen office school ship
island valley field storm candle lamp mirror clock picture song story question answer problem
idea plan machine engine wheel basket bottle cup plate knife rope ladder fence gate wall roof
door key coin ticket jacket shoe hat umbrella newspaper painter singer driver pilot sailor
soldier student neighbour friend stranger king queen princess captain engineer baker""".split()
VERB_T = """found carried painted opened closed watched followed noticed repaired cleaned lifted
dropped pushed pulled built bought sold borrowed returned visited remembered forgot described
measured counted checked moved washed fixed chose wanted needed""".split()
VERB_I = """laughed waited smiled shouted whispered slept arrived left stayed wandered listened
hurried paused trembled vanished returned rested disappeared""".split()
ADV = """slowly quickly carefully quietly suddenly finally happily gently rarely often never
always loudly patiently eagerly""".split()
PREP = """near behind beside under over across through along inside outside around beyond before
after""".split()
PLACE_PHR = ["in the morning", "at night", "after lunch", "on Sunday", "during the winter", "in the spring",
             "before dawn", "at the weekend", "last summer", "every day", "in the evening", "by the sea",
             "at the edge of town", "in the old city", "on the hill", "under the bridge"]


def np_(r, det=True):
    a = r.choice(ADJ) + " " if r.random() < 0.6 else ""
    d = r.choice(["the", "a", "my", "our", "their", "this", "that", "every", "one"]) if det else ""
    n = r.choice(NOUN)
    if d == "a" and (a or n)[0] in "aeiou":
        d = "an"
    return f"{d} {a}{n}".strip()


def cap(s):
    return s[0].upper() + s[1:]


def prose(r):
    t = [
        lambda: f"{cap(np_(r))} {r.choice(VERB_T)} {np_(r)} {r.choice(PREP)} {np_(r)}.",
        lambda: f"{cap(np_(r))} {r.choice(VERB_I)} {r.choice(ADV)} {r.choice(PLACE_PHR)}.",
        lambda: f"{cap(r.choice(PLACE_PHR))}, {np_(r)} {r.choice(VERB_T)} {np_(r)}.",
        lambda: f"Why did {np_(r)} {r.choice(['leave', 'wait', 'stay', 'return', 'laugh', 'hide'])} {r.choice(PLACE_PHR)}?",
        lambda: f"Have you seen {np_(r)} {r.choice(PREP)} {np_(r)}?",
        lambda: f"{r.choice(NAMES)} {r.choice(VERB_T)} {np_(r)}, and {r.choice(NAMES)} {r.choice(VERB_I)} {r.choice(ADV)}.",
        lambda: f"What a {r.choice(ADJ)} {r.choice(NOUN)} that was!",
        lambda: f"When {np_(r)} {r.choice(VERB_I)}, {np_(r)} {r.choice(VERB_T)} {np_(r)}.",
        lambda: f"{cap(np_(r))} was {r.choice(ADJ)}; {np_(r)} was {r.choice(ADJ)} and {r.choice(ADJ)}.",
        lambda: f"There were {num(r.randint(2, 99))} {r.choice(NOUN)}s {r.choice(PREP)} {np_(r)}.",
        lambda: f"{r.choice(NAMES)} asked: where is {np_(r)}?",
        lambda: f"I think {np_(r)} {r.choice(VERB_T)} {np_(r)} {r.choice(PLACE_PHR)}.",
        lambda: f"If {np_(r)} is {r.choice(ADJ)}, {np_(r)} will be {r.choice(ADJ)} too.",
        lambda: f"{cap(r.choice(ADV))}, {np_(r)} {r.choice(VERB_I)}.",
        lambda: f"Please bring {np_(r)} and {np_(r)} to {np_(r)}.",
        lambda: f"Do not touch {np_(r)}!",
        lambda: f"In {r.choice(MONTHS)}, {r.choice(NAMES)} {r.choice(SURNAMES)} {r.choice(VERB_T)} {np_(r)} {r.choice(PREP)} {np_(r)}.",
        lambda: f"The year was {r.choice(['nineteen', 'eighteen'])} {num(r.randint(10, 99))}, and {np_(r)} {r.choice(VERB_I)}.",
        lambda: f"Is {np_(r)} {r.choice(ADJ)} or {r.choice(ADJ)}?",
    ]
    return r.choice(t)()


def licence_sentences():
    """Real English prose from the licence texts shipped with every Debian system."""
    out = []
    d = "/usr/share/common-licenses"
    for fn in sorted(os.listdir(d)):
        p = os.path.join(d, fn)
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        txt = open(p, encoding="utf-8", errors="ignore").read()
        txt = re.sub(r"\s+", " ", txt)
        for s in re.split(r"(?<=[.?!])\s+", txt):
            s = s.strip()
            if not re.fullmatch(r"[A-Z][A-Za-z ,;:'\-]+[.?!]", s):
                continue
            w = s.split()
            if not 5 <= len(w) <= 22:
                continue
            if any(x.isupper() and len(x) > 1 for x in w):
                continue
            s = s.replace(" - ", ", ").replace("-", " ")
            out.append(s)
    return sorted(set(out))


# ---- held-out: Harvard sentences (IEEE 1969, public domain) + unseen announcements ------
HARVARD = """The birch canoe slid on the smooth planks.
Glue the sheet to the dark blue background.
It's easy to tell the depth of a well.
These days a chicken leg is a rare dish.
Rice is often served in round bowls.
The juice of lemons makes fine punch.
The box was thrown beside the parked truck.
The hogs were fed chopped corn and garbage.
Four hours of steady work faced us.
A large size in stockings is hard to sell.
The boy was there when the sun rose.
A rod is used to catch pink salmon.
The source of the huge river is the clear spring.
Kick the ball straight and follow through.
Help the woman get back to her feet.
A pot of tea helps to pass the evening.
Smoky fires lack flame and heat.
The soft cushion broke the man's fall.
The salt breeze came across from the sea.
The girl at the booth sold fifty bonds.
The small pup gnawed a hole in the sock.
The fish twisted and turned on the bent hook.
Press the pants and sew a button on the vest.
The swan dive was far short of perfect.
The beauty of the view stunned the young boy.
Two blue fish swam in the tank.
Her purse was full of useless trash.
The colt reared and threw the tall rider.
It snowed, rained, and hailed the same morning.
Read verse out loud for pleasure.
Hoist the load to your left shoulder.
Take the winding path to reach the lake.
Note closely the size of the gas tank.
Wipe the grease off his dirty face.
Mend the coat before you go out.
The wrist was badly strained and hung limp.
The stray cat gave birth to kittens.
The young girl gave no clear response.
The meal was cooked before the bell rang.
What joy there is in living.""".split("\n")


def key(s):
    return re.sub(r"[^a-z ]", "", s.lower()).strip()


def wordnet_sentences():
    """Example sentences from WordNet 3.0 (Debian wordnet-base): everyday English with a
    vocabulary of tens of thousands of words, which the templates above lack."""
    out = set()
    d = "/usr/share/wordnet"
    for pos in ("noun", "verb", "adj", "adv"):
        txt = open(os.path.join(d, "data." + pos), encoding="utf-8", errors="ignore").read()
        for q in re.findall(r'"([^"]+)"', txt):
            q = q.strip()
            w = q.split()
            if not 5 <= len(w) <= 18:
                continue
            # letters and clause punctuation only: no digits, abbreviations or acronyms,
            # which festival and Herald's normalizer might read differently
            if not re.fullmatch(r"[A-Za-z][A-Za-z ,;:'?!-]*[a-z][.?!]?", q):
                continue
            if any(sum(c.isupper() for c in x) > 1 for x in w) or "--" in q or " - " in q:
                continue
            q = q.replace("-", " ")
            if q[-1] not in ".?!":
                q += "."
            out.add(q[0].upper() + q[1:])
    return sorted(out)


def select_by_coverage(pool, n):
    """Greedy choice of n sentences that maximise new words per spoken word (the way
    recording scripts such as CMU ARCTIC are chosen for coverage), with diminishing
    returns for words already chosen, so the voice hears as much of English as the
    teacher's time allows."""
    words = [sorted(set(re.findall(r"[a-z']+", s.lower()))) for s in pool]
    seen = {}

    def gain(i):
        return sum(1.0 / (1 + seen.get(w, 0)) ** 2 for w in words[i]) / (len(pool[i].split()) + 4)

    import heapq
    heap = [(-gain(i), i) for i in range(len(pool))]
    heapq.heapify(heap)
    chosen = []
    while heap and len(chosen) < n:
        g, i = heapq.heappop(heap)
        g2 = gain(i)
        if heap and -g2 > heap[0][0] + 1e-12:      # stale: push back with its current gain
            heapq.heappush(heap, (-g2, i))
            continue
        chosen.append(pool[i])
        for w in words[i]:
            seen[w] = seen.get(w, 0) + 1
    return chosen


def main():
    out_dir = sys.argv[1]
    n_train = int(sys.argv[2]) if len(sys.argv) > 2 else 6000
    os.makedirs(out_dir, exist_ok=True)
    # held-out announcements come from a different random stream
    rh = random.Random(SEED + 999)
    held = list(HARVARD)
    seen = set(key(s) for s in held)
    while len(held) < 60:
        s = announcement(rh)
        if key(s) not in seen:
            seen.add(key(s))
            held.append(s)
    # held-out plain English: WordNet examples drawn before the training choice, never trained on
    wn = wordnet_sentences()
    rp = random.Random(SEED + 777)
    held_prose = []
    for s in rp.sample(wn, len(wn)):
        if len(s.split()) >= 6 and key(s) not in seen and len(held_prose) < 40:
            seen.add(key(s))
            held_prose.append(s)
    held_keys = set(seen)

    r = random.Random(SEED)
    lic = licence_sentences()
    r.shuffle(lic)
    lic = lic[: int(n_train * 0.05)]
    train, tk = [], set()

    def add(s):
        s = re.sub(r"\s+", " ", s).strip().replace(" ,", ",")
        k = key(s)
        if k in held_keys or k in tk:
            return
        tk.add(k)
        train.append(s)

    for s in lic:
        add(s)
    n_ann = int(n_train * 0.35)
    while len(train) < len(lic) + n_ann:
        add(announcement(r))
    n_wn = int(n_train * 0.50)
    for s in select_by_coverage([s for s in wn if key(s) not in held_keys], n_wn):
        add(s)
    while len(train) < n_train:
        add(prose(r))
    r.shuffle(train)
    with open(os.path.join(out_dir, "train.txt"), "w") as f:
        f.write("\n".join(train) + "\n")
    with open(os.path.join(out_dir, "heldout.txt"), "w") as f:
        f.write("\n".join(held) + "\n")
    with open(os.path.join(out_dir, "heldout_prose.txt"), "w") as f:
        f.write("\n".join(held_prose) + "\n")
    print(f"train {len(train)} sentences ({len(lic)} licence prose, {n_wn} WordNet), "
          f"heldout {len(held)} + {len(held_prose)} plain")


if __name__ == "__main__":
    main()
