using System;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>A persisted setting, as a column of the record (see <see cref="SettingsLayout"/>).</summary>
    public enum SettingsField
    {
        /// <summary>Per jack: <see cref="Model.JackSettings.LevelCentiDb"/>.</summary>
        JackLevel = 0,

        /// <summary>Per jack: <see cref="Model.JackSettings.Range"/>.</summary>
        JackRange = 1,

        /// <summary>Per jack: <see cref="Model.JackSettings.UserMaxCentiDb"/>.</summary>
        JackUserMax = 2,

        BootCap = 3,

        Monitor = 4,

        Blend = 5,

        /// <summary>Since version 2: <see cref="Model.Settings.KeepAliveEnabled"/>.</summary>
        KeepAliveEnabled = 6,

        /// <summary>Since version 2: <see cref="Model.Settings.KeepAlivePeriodMs"/>.</summary>
        KeepAlivePeriod = 7,

        /// <summary>Since version 2: <see cref="Model.Settings.KeepAlivePulseMs"/>.</summary>
        KeepAlivePulse = 8,

        /// <summary>Since version 2: <see cref="Model.Settings.InputGainCentiDb"/> of input 1 and 2.</summary>
        InputGain1 = 9,
        InputGain2 = 10,

        /// <summary>Since version 2: <see cref="Model.Settings.ClipGuard"/> of input 1 and 2.</summary>
        ClipGuard1 = 11,
        ClipGuard2 = 12,

        /// <summary>Since version 2: <see cref="Model.Settings.InputTypes"/> and <see cref="Model.Settings.Phantom"/>.</summary>
        InputType1 = 13,
        InputType2 = 14,
        Phantom = 15,

        /// <summary>Since version 3: <see cref="Model.Settings.Pan"/> of input 1 and 2.</summary>
        Pan1 = 16,
        Pan2 = 17,

        /// <summary>Since version 4, per jack: <see cref="Model.JackSettings.EqPreset"/>.</summary>
        JackEqPreset = 18,

        /// <summary>Since version 4, per jack: <see cref="Model.JackSettings.LimiterCentiDbV"/>.</summary>
        JackLimiter = 19,

        /// <summary>Since version 4, per jack: <see cref="Model.JackSettings.EqGraphic"/> band 1 … 5, then <see cref="Model.JackSettings.EqTone"/> bass and treble (stored + 12: one unsigned byte).</summary>
        JackEqGraphic1 = 20,
        JackEqGraphic2 = 21,
        JackEqGraphic3 = 22,
        JackEqGraphic4 = 23,
        JackEqGraphic5 = 24,
        JackEqBass = 25,
        JackEqTreble = 26,
    }

    /// <summary>
    /// The record's fields, as data: which setting, how many bytes, and the format version that
    /// added it. A record of version N holds the sections of versions 1..N in order; each section is
    /// that version's global fields, then that version's per-jack fields for every jack. A record
    /// of an older version is therefore a shorter record with the same beginning: the reader reads
    /// the sections it has and leaves the newer fields at their defaults.
    /// </summary>
    /// <remarks>
    /// Adding a setting = a new <see cref="SettingsField"/>, its cases in <see cref="SettingsRecord"/>'s
    /// accessors, its default in <c>Settings.ResetToDefaults</c>, and one row here with the next version
    /// number. Rows are never removed or reordered (a setting that goes away keeps its bytes); a
    /// setting whose meaning changes gets a conversion in <see cref="SettingsRecord"/>'s migration step.
    /// </remarks>
    public sealed class SettingsLayout
    {
        private const int MaxFields = 48;

        private readonly int[] _since = new int[MaxFields];
        private readonly SettingsField[] _fields = new SettingsField[MaxFields];
        private readonly int[] _bytes = new int[MaxFields];
        private int _count;

        /// <summary>The layout this firmware writes.</summary>
        public static SettingsLayout Current()
        {
            // Version 1: the settings of the first firmware with persistence.
            return new SettingsLayout()
                .Add(1, SettingsField.BootCap, 4)
                .Add(1, SettingsField.Monitor, 1)
                .Add(1, SettingsField.Blend, 1)
                .Add(1, SettingsField.JackLevel, 4)
                .Add(1, SettingsField.JackRange, 1)
                .Add(1, SettingsField.JackUserMax, 4)

                // Version 2: the power-bank keep-alive, input gains, clip guards, input types and
                // phantom power (a version-1 record loads with their defaults).
                .Add(2, SettingsField.KeepAliveEnabled, 1)
                .Add(2, SettingsField.KeepAlivePeriod, 4)
                .Add(2, SettingsField.KeepAlivePulse, 4)
                .Add(2, SettingsField.InputGain1, 4)
                .Add(2, SettingsField.InputGain2, 4)
                .Add(2, SettingsField.ClipGuard1, 1)
                .Add(2, SettingsField.ClipGuard2, 1)
                .Add(2, SettingsField.InputType1, 1)
                .Add(2, SettingsField.InputType2, 1)
                .Add(2, SettingsField.Phantom, 1)

                // Version 3: where each input sits in stereo monitoring (a version-2 record loads
                // with input 1 left and input 2 right, what stereo meant before).
                .Add(3, SettingsField.Pan1, 2)
                .Add(3, SettingsField.Pan2, 2)

                // Version 4: each jack's headphone EQ preset, its graphic and bass/treble gains, and
                // its hearing-protection limiter (a version-3 record loads flat, without a limiter).
                .Add(4, SettingsField.JackEqPreset, 1)
                .Add(4, SettingsField.JackLimiter, 2)
                .Add(4, SettingsField.JackEqGraphic1, 1)
                .Add(4, SettingsField.JackEqGraphic2, 1)
                .Add(4, SettingsField.JackEqGraphic3, 1)
                .Add(4, SettingsField.JackEqGraphic4, 1)
                .Add(4, SettingsField.JackEqGraphic5, 1)
                .Add(4, SettingsField.JackEqBass, 1)
                .Add(4, SettingsField.JackEqTreble, 1);
        }

        /// <summary>The newest version of the layout (the version this firmware writes).</summary>
        public int CurrentVersion
        {
            get { return _count == 0 ? 0 : _since[_count - 1]; }
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Appends a field added in format <paramref name="sinceVersion"/> (1, 2 or 4 bytes).</summary>
        public SettingsLayout Add(int sinceVersion, SettingsField field, int bytes)
        {
            if (_count == MaxFields)
            {
                throw new InvalidOperationException("too many settings fields");
            }

            if (sinceVersion < 1 || sinceVersion < CurrentVersion)
            {
                throw new ArgumentOutOfRangeException("sinceVersion");
            }

            if (bytes != 1 && bytes != 2 && bytes != 4)
            {
                throw new ArgumentOutOfRangeException("bytes");
            }

            _since[_count] = sinceVersion;
            _fields[_count] = field;
            _bytes[_count] = bytes;
            _count++;
            return this;
        }

        public int Since(int index)
        {
            return _since[index];
        }

        public SettingsField Field(int index)
        {
            return _fields[index];
        }

        public int Bytes(int index)
        {
            return _bytes[index];
        }

        /// <summary>True for settings stored once per jack.</summary>
        public static bool IsPerJack(SettingsField field)
        {
            return field == SettingsField.JackLevel || field == SettingsField.JackRange || field == SettingsField.JackUserMax
                || (field >= SettingsField.JackEqPreset && field <= SettingsField.JackEqTreble);
        }

        /// <summary>Bytes of the fields of versions 1..<paramref name="version"/> for <paramref name="jackCount"/> jacks.</summary>
        public int PayloadLength(int version, int jackCount)
        {
            int length = 0;
            for (int i = 0; i < _count && _since[i] <= version; i++)
            {
                length += IsPerJack(_fields[i]) ? _bytes[i] * jackCount : _bytes[i];
            }

            return length;
        }
    }
}
