using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// The EQ presets a jack steps through, at fixed numbers so a saved choice keeps its meaning:
    /// 0–3 the built-ins (<see cref="EqPresets"/>), 4–5 the user presets (the files <c>eq import</c>
    /// writes, put on the device with nanoff: README "Headphone EQ presets", read once at start),
    /// 6 the 5-band graphic EQ and 7 bass/treble, whose gains are the jack's settings. A user slot
    /// with no file is skipped in the cycle; one whose file does not read back whole (size, magic,
    /// checksum, a band out of range) is skipped with a logged reason.
    /// </summary>
    /// <remarks>
    /// The graphic and tone modes are designed here as peaking filters and shelves on the chip's
    /// parametric biquads, at the SGTL5000 graphic EQ's band centres (115, 330, 990, 3000 and
    /// 9900 Hz; bass/treble are its first and last band), rather than run on the chip's own GEQ
    /// and tone blocks, whose filter shapes the sources do not give (the emulator reports those
    /// blocks "not modelled"): so the response is the designed one and can be checked.
    /// </remarks>
    public sealed class EqLibrary
    {
        /// <summary>User preset slots the firmware looks at.</summary>
        public const int UserSlots = 2;

        /// <summary>The first user preset's number.</summary>
        public const int FirstUser = EqPresets.Count;

        /// <summary>The graphic EQ's number.</summary>
        public const int Graphic = FirstUser + UserSlots;

        /// <summary>Bass/treble's number.</summary>
        public const int Tone = Graphic + 1;

        /// <summary>Preset numbers 0 … Count − 1 (some user slots may be empty).</summary>
        public const int Count = Tone + 1;

        /// <summary>The graphic EQ's bands.</summary>
        public const int GraphicBands = 5;

        /// <summary>Bass/treble's bands: bass, treble.</summary>
        public const int ToneBands = 2;

        /// <summary>A band's gain reaches ±12 dB in 1 dB steps.</summary>
        public const int MaxBandDb = 12;

        private const string Source = "eq";

        /// <summary>The graphic EQ's band centres (the SGTL5000 GEQ's; Linux sgtl5000.c, Teensy eqBands).</summary>
        private static readonly int[] GraphicHz = { 115, 330, 990, 3000, 9900 };

        // About 1.6 octaves between centres: Q 0.9 lets neighbouring bands overlap at −3 dB, so
        // equal gains on all five add up to a nearly flat shelf-free lift.
        private const int GraphicQMilli = 900;

        private readonly EqPreset[] _user = new EqPreset[UserSlots];
        private readonly bool[] _userLoaded = new bool[UserSlots];
        private readonly byte[] _buffer = new byte[EqPresetFile.Size];

        public EqLibrary()
        {
            for (int i = 0; i < UserSlots; i++)
            {
                _user[i] = new EqPreset();
            }
        }

        /// <summary>User presets that read.</summary>
        public int UserCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < UserSlots; i++)
                {
                    count += _userLoaded[i] ? 1 : 0;
                }

                return count;
            }
        }

        /// <summary>Reads the user presets from <paramref name="store"/> (null: none), replacing those read before.</summary>
        public void LoadUserPresets(ISettingsStore store, ILog log)
        {
            for (int slot = 0; slot < UserSlots; slot++)
            {
                _userLoaded[slot] = false;
                if (store == null || slot >= store.SlotCount)
                {
                    continue;
                }

                int length = store.Read(slot, _buffer, 0, _buffer.Length);
                if (length == 0)
                {
                    continue;
                }

                if (length != EqPresetFile.Size || !EqPresetFile.TryRead(_buffer, _user[slot]))
                {
                    log.Write(LogLevel.Warning, Source, "user preset file " + (slot + 1).ToString() + (length < 0 ? ": unreadable" : ": not a preset (size, header or checksum)") + ", skipped");
                    continue;
                }

                _userLoaded[slot] = true;
                log.Write(LogLevel.Info, Source, "user preset file " + (slot + 1).ToString() + ": " + _user[slot].Count.ToString() + " bands, preset " + (FirstUser + slot + 1).ToString());
            }
        }

        /// <summary>Preset <paramref name="index"/> can be chosen (a user slot only with its file).</summary>
        public bool Available(int index)
        {
            if (index >= FirstUser && index < Graphic)
            {
                return _userLoaded[index - FirstUser];
            }

            return index >= 0 && index < Count;
        }

        /// <summary>The next available preset after <paramref name="index"/>, round to flat.</summary>
        public int Next(int index)
        {
            for (int k = 1; k <= Count; k++)
            {
                int next = (index + k) % Count;
                if (Available(next))
                {
                    return next;
                }
            }

            return EqPresets.Flat;
        }

        /// <summary>The bands <paramref name="index"/> lets the keys edit (the graphic EQ's five, bass and treble), 0 for the others.</summary>
        public static int EditableBands(int index)
        {
            return index == Graphic ? GraphicBands : (index == Tone ? ToneBands : 0);
        }

        /// <summary>
        /// Preset <paramref name="index"/> for a jack with <paramref name="jack"/>'s settings into
        /// <paramref name="into"/>; false (flat) for one that is not available.
        /// </summary>
        public bool Load(int index, JackSettings jack, EqPreset into)
        {
            into.Clear();
            if (!Available(index))
            {
                return false;
            }

            if (index >= FirstUser && index < Graphic)
            {
                into.CopyFrom(_user[index - FirstUser]);
                return true;
            }

            if (index == Graphic)
            {
                for (int b = 0; b < GraphicBands; b++)
                {
                    AddBand(into, EqFilterType.Peaking, GraphicHz[b], jack.EqGraphic[b], GraphicQMilli);
                }

                return true;
            }

            if (index == Tone)
            {
                AddBand(into, EqFilterType.LowShelf, GraphicHz[0], jack.EqTone[0], 707);
                AddBand(into, EqFilterType.HighShelf, GraphicHz[GraphicBands - 1], jack.EqTone[1], 707);
                return true;
            }

            return EqPresets.Load(index, into);
        }

        /// <summary>The gains (dB) the keys edit in preset <paramref name="index"/>: the jack's graphic or tone settings; null for the others.</summary>
        public static int[] EditableGains(int index, JackSettings jack)
        {
            return index == Graphic ? jack.EqGraphic : (index == Tone ? jack.EqTone : null);
        }

        /// <summary>Band <paramref name="band"/> of <paramref name="index"/>, as the keys show it ("990 Hz", "bass").</summary>
        public static string BandName(int index, int band)
        {
            if (index == Tone)
            {
                return band == 0 ? "bass" : "treble";
            }

            return GraphicHz[band].ToString() + " Hz";
        }

        public string Name(int index)
        {
            if (index >= FirstUser && index < Graphic)
            {
                return "user " + (index - FirstUser + 1).ToString();
            }

            if (index == Graphic)
            {
                return "graphic";
            }

            return index == Tone ? "bass/treble" : EqPresets.Name(index);
        }

        // A band at 0 dB is no filter at all (a biquad saved for the others).
        private static void AddBand(EqPreset into, EqFilterType type, int hz, int db, int qMilli)
        {
            if (db != 0)
            {
                into.Add(type, hz, db * 100, qMilli);
            }
        }
    }
}
