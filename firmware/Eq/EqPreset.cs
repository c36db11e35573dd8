namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// A parametric EQ curve as data: up to <see cref="MaxBands"/> bands of (type, frequency,
    /// gain, Q), in integer units so it serializes exactly: Hz, 0.01 dB and 0.001 Q. A preset with
    /// no bands is flat. Independent of the sample rate (see <see cref="EqPlan"/>).
    /// </summary>
    /// <remarks>
    /// Serialized (<see cref="SerializedSize"/> = 51 bytes, little-endian): format version (1),
    /// band count (0–7), then 7 band slots of 7 bytes each — type code, frequency (u16 Hz), gain
    /// (s16, 0.01 dB), Q (u16, 0.001) — unused slots zero. Fixed size, so it can be a column of
    /// the settings record.
    /// </remarks>
    public sealed class EqPreset
    {
        /// <summary>Biquads the SGTL5000's DAP has.</summary>
        public const int MaxBands = 7;

        public const int FormatVersion = 1;
        public const int BandBytes = 7;
        public const int SerializedSize = 2 + MaxBands * BandBytes;

        public const int MinFrequencyHz = 10;
        public const int MaxFrequencyHz = 24000;
        public const int MaxGainCentiDb = 2400;
        public const int MinQMilli = 100;
        public const int MaxQMilli = 20000;

        private readonly int[] _types = new int[MaxBands];
        private readonly int[] _hz = new int[MaxBands];
        private readonly int[] _gain = new int[MaxBands];
        private readonly int[] _q = new int[MaxBands];
        private int _count;

        /// <summary>Bands in use.</summary>
        public int Count
        {
            get { return _count; }
        }

        public EqFilterType Type(int band)
        {
            return (EqFilterType)_types[band];
        }

        public int FrequencyHz(int band)
        {
            return _hz[band];
        }

        /// <summary>Gain in 0.01 dB (0 for low- and high-pass).</summary>
        public int GainCentiDb(int band)
        {
            return _gain[band];
        }

        /// <summary>Q in 0.001.</summary>
        public int QMilli(int band)
        {
            return _q[band];
        }

        public void Clear()
        {
            _count = 0;
            for (int i = 0; i < MaxBands; i++)
            {
                _types[i] = _hz[i] = _gain[i] = _q[i] = 0;
            }
        }

        /// <summary>True if the values are within the limits (type not None, the gain ignored and 0 for low/high-pass).</summary>
        public static bool IsValidBand(EqFilterType type, int hz, int gainCentiDb, int qMilli)
        {
            bool typeOk = type == EqFilterType.Peaking || type == EqFilterType.LowShelf || type == EqFilterType.HighShelf
                || type == EqFilterType.LowPass || type == EqFilterType.HighPass;
            bool passFilter = type == EqFilterType.LowPass || type == EqFilterType.HighPass;
            return typeOk && hz >= MinFrequencyHz && hz <= MaxFrequencyHz && qMilli >= MinQMilli && qMilli <= MaxQMilli
                && (passFilter ? gainCentiDb == 0 : (gainCentiDb >= -MaxGainCentiDb && gainCentiDb <= MaxGainCentiDb));
        }

        /// <summary>Appends a band; false (nothing added) if the preset is full or a value is out of its limits.</summary>
        public bool Add(EqFilterType type, int hz, int gainCentiDb, int qMilli)
        {
            if (type == EqFilterType.LowPass || type == EqFilterType.HighPass)
            {
                gainCentiDb = 0;
            }

            if (_count >= MaxBands || !IsValidBand(type, hz, gainCentiDb, qMilli))
            {
                return false;
            }

            _types[_count] = (int)type;
            _hz[_count] = hz;
            _gain[_count] = gainCentiDb;
            _q[_count] = qMilli;
            _count++;
            return true;
        }

        public void CopyFrom(EqPreset other)
        {
            Clear();
            for (int i = 0; i < other._count; i++)
            {
                Add(other.Type(i), other._hz[i], other._gain[i], other._q[i]);
            }
        }

        public bool SameAs(EqPreset other)
        {
            if (other == null || other._count != _count)
            {
                return false;
            }

            for (int i = 0; i < _count; i++)
            {
                if (_types[i] != other._types[i] || _hz[i] != other._hz[i] || _gain[i] != other._gain[i] || _q[i] != other._q[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Writes the <see cref="SerializedSize"/> bytes at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = FormatVersion;
            buffer[offset + 1] = (byte)_count;
            for (int i = 0; i < MaxBands; i++)
            {
                int at = offset + 2 + i * BandBytes;
                bool used = i < _count;
                buffer[at] = (byte)(used ? _types[i] : 0);
                PutU16(buffer, at + 1, used ? _hz[i] : 0);
                PutU16(buffer, at + 3, used ? _gain[i] & 0xFFFF : 0);
                PutU16(buffer, at + 5, used ? _q[i] : 0);
            }
        }

        public byte[] ToBytes()
        {
            var bytes = new byte[SerializedSize];
            WriteTo(bytes, 0);
            return bytes;
        }

        /// <summary>
        /// Reads <see cref="SerializedSize"/> bytes into <paramref name="into"/>; false (and
        /// <paramref name="into"/> left flat) for an unknown version, a count over 7, a band out of
        /// its limits or a used slot past the count.
        /// </summary>
        public static bool TryRead(byte[] buffer, int offset, EqPreset into)
        {
            into.Clear();
            if (buffer == null || offset < 0 || buffer.Length - offset < SerializedSize
                || buffer[offset] != FormatVersion || buffer[offset + 1] > MaxBands)
            {
                return false;
            }

            int count = buffer[offset + 1];
            for (int i = 0; i < MaxBands; i++)
            {
                int at = offset + 2 + i * BandBytes;
                int hz = GetU16(buffer, at + 1);
                int gain = GetU16(buffer, at + 3);
                gain = gain >= 0x8000 ? gain - 0x10000 : gain;
                int q = GetU16(buffer, at + 5);
                bool ok = i < count
                    ? into.Add((EqFilterType)buffer[at], hz, gain, q) && into._gain[i] == gain
                    : buffer[at] == 0 && hz == 0 && gain == 0 && q == 0;
                if (!ok)
                {
                    into.Clear();
                    return false;
                }
            }

            return true;
        }

        private static void PutU16(byte[] buffer, int at, int value)
        {
            buffer[at] = (byte)(value & 0xFF);
            buffer[at + 1] = (byte)((value >> 8) & 0xFF);
        }

        private static int GetU16(byte[] buffer, int at)
        {
            return buffer[at] | (buffer[at + 1] << 8);
        }
    }
}
