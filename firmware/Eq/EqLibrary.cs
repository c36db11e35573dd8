using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// The EQ presets a jack steps through: the built-ins (<see cref="EqPresets"/>), then the user
    /// presets found in the preset store (the files <c>eq import</c> writes, put on the device with
    /// nanoff: README "Headphone EQ presets"), read once at start. A slot that is empty is skipped
    /// quietly; one that does not read back whole (size, magic, checksum, a band out of range) is
    /// skipped with a logged reason, and the presets after it move up.
    /// </summary>
    public sealed class EqLibrary
    {
        /// <summary>User preset slots the firmware looks at.</summary>
        public const int UserSlots = 2;

        private const string Source = "eq";

        private readonly EqPreset[] _user = new EqPreset[UserSlots];
        private readonly int[] _userSlot = new int[UserSlots];
        private readonly byte[] _buffer = new byte[EqPresetFile.Size];
        private int _userCount;

        public EqLibrary()
        {
            for (int i = 0; i < UserSlots; i++)
            {
                _user[i] = new EqPreset();
            }
        }

        /// <summary>Built-ins and the user presets that read.</summary>
        public int Count
        {
            get { return EqPresets.Count + _userCount; }
        }

        /// <summary>User presets that read.</summary>
        public int UserCount
        {
            get { return _userCount; }
        }

        /// <summary>Reads the user presets from <paramref name="store"/> (null: none), replacing those read before.</summary>
        public void LoadUserPresets(ISettingsStore store, ILog log)
        {
            _userCount = 0;
            if (store == null)
            {
                return;
            }

            int slots = store.SlotCount < UserSlots ? store.SlotCount : UserSlots;
            for (int slot = 0; slot < slots; slot++)
            {
                int length = store.Read(slot, _buffer, 0, _buffer.Length);
                if (length == 0)
                {
                    continue;
                }

                EqPreset preset = _user[_userCount];
                if (length != EqPresetFile.Size || !EqPresetFile.TryRead(_buffer, preset))
                {
                    log.Write(LogLevel.Warning, Source, "user preset file " + (slot + 1).ToString() + (length < 0 ? ": unreadable" : ": not a preset (size, header or checksum)") + ", skipped");
                    continue;
                }

                _userSlot[_userCount] = slot;
                _userCount++;
                log.Write(LogLevel.Info, Source, "user preset file " + (slot + 1).ToString() + ": " + preset.Count.ToString() + " bands, preset " + (EqPresets.Count + _userCount).ToString());
            }
        }

        /// <summary>Preset <paramref name="index"/> into <paramref name="into"/>; false (flat) for one that does not exist.</summary>
        public bool Load(int index, EqPreset into)
        {
            if (index >= EqPresets.Count && index < Count)
            {
                into.CopyFrom(_user[index - EqPresets.Count]);
                return true;
            }

            return EqPresets.Load(index, into);
        }

        public string Name(int index)
        {
            return index >= EqPresets.Count && index < Count ? "user " + (_userSlot[index - EqPresets.Count] + 1).ToString() : EqPresets.Name(index);
        }
    }
}
