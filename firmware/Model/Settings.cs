using InterfaceFirmware.Drivers;

namespace InterfaceFirmware.Firmware.Model
{
    /// <summary>Where a jack's volume range sits (see the board profile's gain ranges).</summary>
    public enum HeadphoneRange
    {
        /// <summary>Low maximum, fine steps where in-ear monitors are listened to.</summary>
        InEar = 0,

        Normal = 1,

        /// <summary>Enough voltage for 250–300 Ω headphones.</summary>
        High = 2,
    }

    /// <summary>What is plugged into an input, as the board wires it.</summary>
    public enum InputType
    {
        /// <summary>A line-level source (the line jack on the dev boards).</summary>
        Line = 0,

        /// <summary>A microphone (the dev boards' on-board microphones; phantom power is separate).</summary>
        Mic = 1,

        /// <summary>A guitar or bass: the reference board's Hi-Z input (about 1 MΩ).</summary>
        Instrument = 2,
    }

    /// <summary>Direct (zero-latency) monitoring of the inputs.</summary>
    public enum MonitorMode
    {
        Off = 0,

        /// <summary>Each input centred: equally loud in both ears.</summary>
        Mono = 1,

        /// <summary>Input 1 (left line) left, input 2 (right line) right.</summary>
        Stereo = 2,
    }

    /// <summary>What one jack keeps across power cycles.</summary>
    public sealed class JackSettings
    {
        /// <summary>The level in 0.01 dB re the DAC's full-scale output (≈1 V rms), on the range's 0.5 dB grid.</summary>
        public int LevelCentiDb;

        public HeadphoneRange Range;

        /// <summary>The user's maximum (0.01 dB); <see cref="GainScale.Muted"/> when none is set (the range's maximum applies).</summary>
        public int UserMaxCentiDb;

        /// <summary>The headphone EQ preset (0 = flat; built-ins, then the user presets); 0 on a jack whose codec has no EQ.</summary>
        public int EqPreset;

        /// <summary>
        /// The hearing-protection limiter's cap: the loudest peak allowed at the jack, as the rms
        /// voltage of a sine with those peaks, in 0.01 dBV (0 = 1 V rms); <see cref="Settings.LimiterOff"/> when off.
        /// </summary>
        public int LimiterCentiDbV;

        /// <summary>The graphic EQ's five band gains, in dB (−12 … +12), used when <see cref="EqPreset"/> is the graphic EQ.</summary>
        public readonly int[] EqGraphic = new int[5];

        /// <summary>Bass and treble, in dB (−12 … +12), used when <see cref="EqPreset"/> is bass/treble.</summary>
        public readonly int[] EqTone = new int[2];

        public void CopyFrom(JackSettings other)
        {
            for (int b = 0; b < EqGraphic.Length; b++)
            {
                EqGraphic[b] = other.EqGraphic[b];
            }

            EqTone[0] = other.EqTone[0];
            EqTone[1] = other.EqTone[1];
            LevelCentiDb = other.LevelCentiDb;
            Range = other.Range;
            UserMaxCentiDb = other.UserMaxCentiDb;
            EqPreset = other.EqPreset;
            LimiterCentiDbV = other.LimiterCentiDbV;
        }

        /// <summary>Every field equal to <paramref name="other"/>'s.</summary>
        public bool SameAs(JackSettings other)
        {
            if (LevelCentiDb != other.LevelCentiDb || Range != other.Range || UserMaxCentiDb != other.UserMaxCentiDb
                || EqPreset != other.EqPreset || LimiterCentiDbV != other.LimiterCentiDbV || EqTone[0] != other.EqTone[0] || EqTone[1] != other.EqTone[1])
            {
                return false;
            }

            for (int b = 0; b < EqGraphic.Length; b++)
            {
                if (EqGraphic[b] != other.EqGraphic[b])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The persisted settings: what the user chose. Runtime facts (muted, plugged, powering up) are
    /// in <see cref="DeviceState"/>; what the chips should hold is derived from both by the planner.
    /// </summary>
    public sealed class Settings
    {
        /// <summary>Level a jack comes up at after a power-up or a plug-in if its saved level is louder (0.01 dB).</summary>
        public const int DefaultBootCapCentiDb = -2000;

        /// <summary>Level of every jack at first boot and after a reset to defaults (0.01 dB).</summary>
        public const int DefaultLevelCentiDb = -3000;

        /// <summary>Default time between keep-alive pulse starts: under the shortest power-bank timeouts seen (12–15 s).</summary>
        public const int DefaultKeepAlivePeriodMs = 10000;

        /// <summary>Default keep-alive pulse: 1 s at 150 mA, the published recipe for banks that average their current sense.</summary>
        public const int DefaultKeepAlivePulseMs = 1000;

        /// <summary><see cref="JackSettings.LimiterCentiDbV"/> of a jack without a limiter (fits the record's 2 bytes).</summary>
        public const int LimiterOff = 32767;

        /// <summary>The lowest limiter cap (−40 dBV, 10 mV rms: below any useful listening level).</summary>
        public const int LimiterMinCentiDbV = -4000;

        /// <summary>The highest limiter cap (+10 dBV, 3.2 V rms: above what the portable board's jacks reach).</summary>
        public const int LimiterMaxCentiDbV = 1000;

        /// <summary>Blend positions: 0 = inputs only … <see cref="BlendPositions"/> = playback only.</summary>
        public const int BlendPositions = 64;

        public Settings(int jackCount)
        {
            Jacks = new JackSettings[jackCount];
            for (int i = 0; i < jackCount; i++)
            {
                Jacks[i] = new JackSettings();
            }

            ResetToDefaults();
        }

        public JackSettings[] Jacks { get; }

        /// <summary>Never louder than this after a power-up or a plug-in (0.01 dB).</summary>
        public int BootCapCentiDb;

        public MonitorMode Monitor;

        /// <summary>0 = inputs only, <see cref="BlendPositions"/>/2 = both equally loud, <see cref="BlendPositions"/> = playback only.</summary>
        public int Blend;

        /// <summary>Inputs whose gain and clip guard are kept (left and right ADC channels).</summary>
        public const int InputCount = 2;

        /// <summary>Input gain per input (0.01 dB); <see cref="GainScale.Muted"/>: the board's default.</summary>
        public readonly int[] InputGainCentiDb = new int[InputCount];

        /// <summary>Clip guard per input: after a clip, the gain steps down (never back up by itself).</summary>
        public readonly bool[] ClipGuard = new bool[InputCount];

        /// <summary>What each input carries (line, mic, instrument), where the board can switch it.</summary>
        public readonly InputType[] InputTypes = new InputType[InputCount];

        /// <summary>48 V phantom power on the inputs (the reference board).</summary>
        public bool Phantom;

        /// <summary>Pan positions each side of the centre (see <c>JackPlanner.PanOffset</c> for the law).</summary>
        public const int PanSteps = 5;

        /// <summary>
        /// Each input's place in stereo monitoring, −<see cref="PanSteps"/> (left) … +<see cref="PanSteps"/>
        /// (right), on codecs that can cross-feed after the input gain; by default input 1 left, input 2 right.
        /// </summary>
        public readonly int[] Pan = new int[InputCount];

        /// <summary>Pulse a load to keep a power bank awake while running standalone on one.</summary>
        public bool KeepAliveEnabled;

        /// <summary>Time between keep-alive pulse starts (ms).</summary>
        public int KeepAlivePeriodMs;

        /// <summary>Length of a keep-alive pulse (ms).</summary>
        public int KeepAlivePulseMs;

        public void ResetToDefaults()
        {
            for (int i = 0; i < Jacks.Length; i++)
            {
                Jacks[i].LevelCentiDb = DefaultLevelCentiDb;
                Jacks[i].Range = HeadphoneRange.Normal;
                Jacks[i].UserMaxCentiDb = GainScale.Muted;
                Jacks[i].EqPreset = 0;
                Jacks[i].LimiterCentiDbV = LimiterOff;
                for (int b = 0; b < Jacks[i].EqGraphic.Length; b++)
                {
                    Jacks[i].EqGraphic[b] = 0;
                }

                Jacks[i].EqTone[0] = 0;
                Jacks[i].EqTone[1] = 0;
            }

            BootCapCentiDb = DefaultBootCapCentiDb;
            Monitor = MonitorMode.Stereo;
            Blend = BlendPositions / 2;
            KeepAliveEnabled = true;
            KeepAlivePeriodMs = DefaultKeepAlivePeriodMs;
            KeepAlivePulseMs = DefaultKeepAlivePulseMs;
            for (int i = 0; i < InputCount; i++)
            {
                InputGainCentiDb[i] = GainScale.Muted;
                ClipGuard[i] = false;
                InputTypes[i] = InputType.Line;
            }

            Pan[0] = -PanSteps;
            Pan[1] = PanSteps;
            Phantom = false;
        }

        public void CopyFrom(Settings other)
        {
            for (int i = 0; i < Jacks.Length && i < other.Jacks.Length; i++)
            {
                Jacks[i].CopyFrom(other.Jacks[i]);
            }

            BootCapCentiDb = other.BootCapCentiDb;
            Monitor = other.Monitor;
            Blend = other.Blend;
            KeepAliveEnabled = other.KeepAliveEnabled;
            KeepAlivePeriodMs = other.KeepAlivePeriodMs;
            KeepAlivePulseMs = other.KeepAlivePulseMs;
            for (int i = 0; i < InputCount; i++)
            {
                InputGainCentiDb[i] = other.InputGainCentiDb[i];
                ClipGuard[i] = other.ClipGuard[i];
                InputTypes[i] = other.InputTypes[i];
                Pan[i] = other.Pan[i];
            }

            Phantom = other.Phantom;
        }

        /// <summary>
        /// Every field equal to <paramref name="other"/>'s (the jacks both have): what the settings
        /// saver compares every check, field by field (≈200 interpreted instructions, against
        /// ≈2,700 to serialize the record and compare its bytes). A field added to the settings
        /// belongs here and in <see cref="CopyFrom"/> (SettingsSaverTests change every field of
        /// the record one at a time and expect each to be saved).
        /// </summary>
        public bool SameAs(Settings other)
        {
            if (BootCapCentiDb != other.BootCapCentiDb || Monitor != other.Monitor || Blend != other.Blend || Phantom != other.Phantom
                || KeepAliveEnabled != other.KeepAliveEnabled || KeepAlivePeriodMs != other.KeepAlivePeriodMs || KeepAlivePulseMs != other.KeepAlivePulseMs)
            {
                return false;
            }

            int[] gains = InputGainCentiDb;
            int[] otherGains = other.InputGainCentiDb;
            int[] pan = Pan;
            int[] otherPan = other.Pan;
            for (int i = 0; i < InputCount; i++)
            {
                if (gains[i] != otherGains[i] || ClipGuard[i] != other.ClipGuard[i] || InputTypes[i] != other.InputTypes[i] || pan[i] != otherPan[i])
                {
                    return false;
                }
            }

            JackSettings[] jacks = Jacks;
            JackSettings[] otherJacks = other.Jacks;
            for (int i = 0; i < jacks.Length && i < otherJacks.Length; i++)
            {
                if (!jacks[i].SameAs(otherJacks[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
