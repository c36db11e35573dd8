namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// Levels of 24-bit samples in hundredths of a dB re full scale (8388607 = 0 dBFS), in integer
    /// arithmetic: the control loop converts peaks without System.Math (double-only on the device).
    /// </summary>
    /// <remarks>
    /// An amplitude a = 2^k · m with 1 ≤ m &lt; 2 is k octaves (6.0206 dB each) plus 20·log10(m),
    /// which a 33-entry table gives by linear interpolation between 32 points per octave: the
    /// interpolation is off by at most 0.0011 dB, far below the 0.01 dB unit.
    /// </remarks>
    public static class Dbfs
    {
        /// <summary>24-bit full scale.</summary>
        public const int FullScale = 8388607;

        /// <summary>What a level of nothing (amplitude 0) reads: below one LSB (−138.5 dBFS).</summary>
        public const int FloorCentiDb = -14000;

        private const int MicroDbPerOctave = 6020600; // 20·log10(2) in 0.000001 dB
        private const int FractionBits = 16;
        private const int SegmentBits = 5;            // 32 segments per octave
        private const int RemainderBits = FractionBits - SegmentBits;

        // 20·log10(1 + i/32) in 0.000001 dB, i = 0…32 (System.Math is a separate package on the device; the firmware does without it)
        private static readonly int[] MantissaMicroDb =
        {
            0, 267279, 526579, 778361, 1023050, 1261035, 1492672, 1718293, 1938200, 2152678, 2361986,
            2566370, 2766054, 2961251, 3152157, 3338958, 3521825, 3700922, 3876401, 4048404, 4217067,
            4382518, 4544876, 4704254, 4860761, 5014498, 5165560, 5314041, 5460025, 5603597, 5744834,
            5883811, 6020600,
        };

        // 20·log10(8388607) in 0.000001 dB: full scale reads 0
        private static readonly int FullScaleMicroDb = MicroDbOf(FullScale);

        /// <summary>20·log10(<paramref name="amplitude"/> / 8388607) in 0.01 dB, rounded; <see cref="FloorCentiDb"/> for 0 (negative amplitudes count by their size).</summary>
        public static int FromAmplitude(int amplitude)
        {
            if (amplitude < 0)
            {
                amplitude = amplitude == int.MinValue ? int.MaxValue : -amplitude;
            }

            if (amplitude == 0)
            {
                return FloorCentiDb;
            }

            int microDb = MicroDbOf(amplitude) - FullScaleMicroDb;
            // round half away from zero to 0.01 dB (10000 µdB)
            return microDb >= 0 ? (microDb + 5000) / 10000 : -((-microDb + 5000) / 10000);
        }

        /// <summary>
        /// The smallest amplitude (1…8388607) that reads <paramref name="centiDb"/> or more (a binary
        /// search over <see cref="FromAmplitude"/>): for thresholds, when a setting changes.
        /// </summary>
        public static int ToAmplitude(int centiDb)
        {
            int low = 1;
            int high = FullScale;
            if (FromAmplitude(high) < centiDb)
            {
                return FullScale;
            }

            while (low < high)
            {
                int middle = low + (high - low) / 2;
                if (FromAmplitude(middle) >= centiDb)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        // 20·log10(a) in µdB for a ≥ 1 (exact octaves, interpolated mantissa).
        private static int MicroDbOf(int amplitude)
        {
            // the leading one's position, by halves (5 steps, not up to 30: this runs in the tick)
            int octave = 0;
            int rest = amplitude;
            if (rest >= 1 << 16)
            {
                octave += 16;
                rest >>= 16;
            }

            if (rest >= 1 << 8)
            {
                octave += 8;
                rest >>= 8;
            }

            if (rest >= 1 << 4)
            {
                octave += 4;
                rest >>= 4;
            }

            if (rest >= 1 << 2)
            {
                octave += 2;
                rest >>= 2;
            }

            if (rest >= 2)
            {
                octave++;
            }

            // the 16 bits below the leading one, as a fraction of an octave's span
            int fraction = octave >= FractionBits
                ? (amplitude >> (octave - FractionBits)) & 0xFFFF
                : (amplitude << (FractionBits - octave)) & 0xFFFF;
            int segment = fraction >> RemainderBits;
            int remainder = fraction & ((1 << RemainderBits) - 1);
            int low = MantissaMicroDb[segment];
            int high = MantissaMicroDb[segment + 1];
            return octave * MicroDbPerOctave + low + (((high - low) * remainder) >> RemainderBits); // ≤ 267480 · 2047: no overflow
        }

    }
}
