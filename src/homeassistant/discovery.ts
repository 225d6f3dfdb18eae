import { haObjectId, type Topics } from '../mqtt/topics.ts';
import { RATE_RANGE, VOLUME_RANGE } from '../queue/job.ts';
import { VERSION } from '../version.ts';

const ACTIVITY = ['idle', 'speaking'] as const;

// Home Assistant's device-based discovery: one retained config for the
// device and all its entities (https://www.home-assistant.io/integrations/mqtt/,
// "Device discovery payload"). Abbreviated keys where the docs' examples use them.
export function discoveryPayload(topics: Topics, voices: readonly string[]) {
  const id = haObjectId(topics.deviceId);
  // QoS 1 on each component: Home Assistant accepts a top-level qos but does
  // not pass it down (it is not among the shared options of schemas.py).
  const entity = (key: string, name: string) => ({ name, unique_id: `${id}_${key}`, qos: 1 });
  return {
    dev: { ids: [id], name: `Herald ${topics.deviceId}`, mf: 'Herald', mdl: 'Offline text-to-speech', sw: VERSION },
    o: { name: 'Herald', sw: VERSION },
    // Herald's retained status is JSON whose `state` is online or offline;
    // its last will publishes the offline one when the connection drops.
    availability_topic: topics.status,
    availability_template: '{{ value_json.state }}',
    payload_available: 'online',
    payload_not_available: 'offline',
    qos: 1,
    cmps: {
      // notify, not text: a text entity's value stops at 255 characters.
      announce: { p: 'notify', ...entity('announce', 'Announce'), command_topic: topics.haCommand('notify'), icon: 'mdi:bullhorn' },
      voice: { p: 'select', ...entity('voice', 'Voice'), command_topic: topics.haCommand('voice'), state_topic: topics.haState('voice'), options: [...voices], entity_category: 'config', icon: 'mdi:account-voice' },
      // The numbers' ranges are a `say` payload's.
      volume: { p: 'number', ...entity('volume', 'Volume'), command_topic: topics.haCommand('volume'), state_topic: topics.haState('volume'), ...VOLUME_RANGE, step: 0.05, mode: 'slider', entity_category: 'config', icon: 'mdi:volume-high' },
      rate: { p: 'number', ...entity('rate', 'Rate'), command_topic: topics.haCommand('rate'), state_topic: topics.haState('rate'), ...RATE_RANGE, step: 0.05, mode: 'slider', entity_category: 'config', icon: 'mdi:speedometer' },
      // Herald's own stop topic: any payload stops what is playing.
      stop: { p: 'button', ...entity('stop', 'Stop'), command_topic: topics.stop, icon: 'mdi:stop' },
      state: { p: 'sensor', ...entity('state', 'State'), state_topic: topics.haState('activity'), device_class: 'enum', options: [...ACTIVITY], icon: 'mdi:speaker' },
      queue: { p: 'sensor', ...entity('queue', 'Queue depth'), state_topic: topics.haState('queue'), state_class: 'measurement', entity_category: 'diagnostic', icon: 'mdi:tray-full' },
      ttfa: { p: 'sensor', ...entity('ttfa', 'Time to first audio'), state_topic: topics.haState('ttfa'), device_class: 'duration', unit_of_measurement: 'ms', state_class: 'measurement', entity_category: 'diagnostic' },
    },
  };
}
