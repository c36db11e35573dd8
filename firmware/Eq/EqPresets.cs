namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// The built-in presets: 0 flat, 1 bass +6 dB (a low shelf), 2 warm (a little more bass, a
    /// softer top), 3 speech clarity (rumble off, less boom, presence up, less hiss). User presets
    /// follow them in the preset cycle (kept with the settings, see <see cref="EqPreset"/>).
    /// </summary>
    public static class EqPresets
    {
        public const int Flat = 0;
        public const int BassBoost = 1;
        public const int Warm = 2;
        public const int SpeechClarity = 3;

        /// <summary>Built-in presets.</summary>
        public const int Count = 4;

        public static string Name(int index)
        {
            switch (index)
            {
                case Flat: return "flat";
                case BassBoost: return "bass +6 dB";
                case Warm: return "warm";
                case SpeechClarity: return "speech clarity";
                default: return "preset " + index.ToString();
            }
        }

        /// <summary>Loads built-in preset <paramref name="index"/> into <paramref name="into"/>; false (flat) for an unknown index.</summary>
        public static bool Load(int index, EqPreset into)
        {
            into.Clear();
            switch (index)
            {
                case Flat:
                    return true;
                case BassBoost:
                    into.Add(EqFilterType.LowShelf, 105, 600, 707);
                    return true;
                case Warm:
                    into.Add(EqFilterType.LowShelf, 120, 400, 707);
                    into.Add(EqFilterType.Peaking, 2500, -150, 1000);
                    into.Add(EqFilterType.HighShelf, 7000, -300, 707);
                    return true;
                case SpeechClarity:
                    into.Add(EqFilterType.HighPass, 90, 0, 707);
                    into.Add(EqFilterType.Peaking, 300, -200, 1000);
                    into.Add(EqFilterType.Peaking, 2800, 400, 1200);
                    into.Add(EqFilterType.HighShelf, 9000, -200, 707);
                    return true;
                default:
                    return false;
            }
        }
    }
}
