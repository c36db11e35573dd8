namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// Biquads by the RBJ Audio EQ Cookbook (R. Bristow-Johnson), normalized by a0, and their
    /// quantization to the SGTL5000 DAP's format: 20-bit two's complement, 1.0 = 2^18 (range
    /// ±2), a1 and a2 stored negated (the chip adds the feedback terms), as the Teensy Audio
    /// library's calcBiquad stores them.
    /// </summary>
    public static class EqDesigner
    {
        /// <summary>The chip's 1.0.</summary>
        public const int CoefficientOne = 1 << 18;

        /// <summary>Largest and smallest 20-bit coefficient.</summary>
        public const int CoefficientMax = (1 << 19) - 1;
        public const int CoefficientMin = -(1 << 19);

        /// <summary>Highest band frequency as a fraction of the sample rate (a band above it is designed at it).</summary>
        public const double HighestFraction = 0.49;

        /// <summary>
        /// Designs one band into <paramref name="normalized"/> (b0, b1, b2, a1, a2, divided by a0,
        /// with the cookbook's signs: y = b0·x + b1·x1 + b2·x2 − a1·y1 − a2·y2). None gives a pass-through.
        /// </summary>
        public static void Design(EqFilterType type, double hz, double gainDb, double q, double sampleRate, double[] normalized)
        {
            double highest = HighestFraction * sampleRate;
            hz = hz > highest ? highest : (hz < 1 ? 1 : hz);
            q = q < 0.01 ? 0.01 : q;
            double w0 = 2 * EqMath.Pi * hz / sampleRate;
            double cos = EqMath.Cos(w0);
            double alpha = EqMath.Sin(w0) / (2 * q);
            double a = EqMath.Pow10(gainDb / 40);
            double b0, b1, b2, a0, a1, a2;
            switch (type)
            {
                case EqFilterType.Peaking:
                    b0 = 1 + alpha * a;
                    b1 = -2 * cos;
                    b2 = 1 - alpha * a;
                    a0 = 1 + alpha / a;
                    a1 = -2 * cos;
                    a2 = 1 - alpha / a;
                    break;
                case EqFilterType.LowShelf:
                {
                    double root = 2 * EqMath.Sqrt(a) * alpha;
                    b0 = a * ((a + 1) - (a - 1) * cos + root);
                    b1 = 2 * a * ((a - 1) - (a + 1) * cos);
                    b2 = a * ((a + 1) - (a - 1) * cos - root);
                    a0 = (a + 1) + (a - 1) * cos + root;
                    a1 = -2 * ((a - 1) + (a + 1) * cos);
                    a2 = (a + 1) + (a - 1) * cos - root;
                    break;
                }

                case EqFilterType.HighShelf:
                {
                    double root = 2 * EqMath.Sqrt(a) * alpha;
                    b0 = a * ((a + 1) + (a - 1) * cos + root);
                    b1 = -2 * a * ((a - 1) + (a + 1) * cos);
                    b2 = a * ((a + 1) + (a - 1) * cos - root);
                    a0 = (a + 1) - (a - 1) * cos + root;
                    a1 = 2 * ((a - 1) - (a + 1) * cos);
                    a2 = (a + 1) - (a - 1) * cos - root;
                    break;
                }

                case EqFilterType.LowPass:
                    b0 = (1 - cos) / 2;
                    b1 = 1 - cos;
                    b2 = (1 - cos) / 2;
                    a0 = 1 + alpha;
                    a1 = -2 * cos;
                    a2 = 1 - alpha;
                    break;
                case EqFilterType.HighPass:
                    b0 = (1 + cos) / 2;
                    b1 = -(1 + cos);
                    b2 = (1 + cos) / 2;
                    a0 = 1 + alpha;
                    a1 = -2 * cos;
                    a2 = 1 - alpha;
                    break;
                default:
                    b0 = a0 = 1;
                    b1 = b2 = a1 = a2 = 0;
                    break;
            }

            normalized[0] = b0 / a0;
            normalized[1] = b1 / a0;
            normalized[2] = b2 / a0;
            normalized[3] = a1 / a0;
            normalized[4] = a2 / a0;
        }

        /// <summary>
        /// |H|² of a normalized biquad at angular frequency w, given cos w and cos 2w, sin w and sin 2w.
        /// </summary>
        public static double PowerAt(double[] c, double cos1, double sin1, double cos2, double sin2)
        {
            double nr = c[0] + c[1] * cos1 + c[2] * cos2;
            double ni = c[1] * sin1 + c[2] * sin2;
            double dr = 1 + c[3] * cos1 + c[4] * cos2;
            double di = c[3] * sin1 + c[4] * sin2;
            return (nr * nr + ni * ni) / (dr * dr + di * di);
        }

        /// <summary>|H|² of a normalized biquad at <paramref name="hz"/>.</summary>
        public static double PowerAt(double[] c, double hz, double sampleRate)
        {
            double w = 2 * EqMath.Pi * hz / sampleRate;
            return PowerAt(c, EqMath.Cos(w), EqMath.Sin(w), EqMath.Cos(2 * w), EqMath.Sin(2 * w));
        }

        /// <summary>The largest |coefficient| of b0, b1, b2 (what a gain in front of the biquad scales).</summary>
        public static double LargestFeedForward(double[] c)
        {
            double largest = 0;
            for (int i = 0; i < 3; i++)
            {
                double v = c[i] < 0 ? -c[i] : c[i];
                largest = v > largest ? v : largest;
            }

            return largest;
        }

        /// <summary>
        /// The chip's coefficients of a normalized biquad with its feed-forward part scaled by
        /// <paramref name="gain"/> into <paramref name="chip"/> (b0, b1, b2, −a1, −a2; the order
        /// <c>Sgtl5000Codec.WriteBiquad</c> takes), the closest of a few roundings to the design
        /// (see remarks). Returns false if one is out of the 20-bit range (it is clamped).
        /// </summary>
        /// <remarks>
        /// At low frequencies the 20-bit direct form is coarse: at 100 Hz and 48 kHz, 1 + a1 + a2
        /// is only some tens of steps of 2^-18, so rounding each coefficient on its own can move a
        /// shelf's DC gain or a peak's centre by tenths of a dB, and leaves a high-pass without its
        /// zero at DC. The candidates: a1 and a2 rounded, and one step either side of each
        /// (stable ones only); b0, b1, b2 each rounded, or chosen so that the gains at DC and at
        /// Nyquist are the design's with those poles. The one with the smallest worst deviation
        /// from the design over the third octaves from 20 Hz to 0.45·fs is kept.
        /// </remarks>
        public static bool Quantize(double[] c, double gain, double sampleRate, int[] chip)
        {
            lock (ScratchLock)
            {
                return QuantizeWithScratch(c, gain, sampleRate, chip);
            }
        }

        private static bool QuantizeWithScratch(double[] c, double gain, double sampleRate, int[] chip)
        {
            int points = FillGrid(sampleRate);
            for (int i = 0; i < points; i++)
            {
                _idealPower[i] = PowerAt(c, _gridCos1[i], _gridSin1[i], _gridCos2[i], _gridSin2[i]) * gain * gain;
            }

            long r1 = EqMath.RoundToLong(-c[3] * CoefficientOne);
            long r2 = EqMath.RoundToLong(-c[4] * CoefficientOne);
            double best = double.MaxValue;
            for (int candidate = 0; candidate < 18; candidate++)
            {
                long a1 = r1 + (candidate % 3) - 1;
                long a2 = r2 + ((candidate / 3) % 3) - 1;
                double a1q = -a1 / (double)CoefficientOne;
                double a2q = -a2 / (double)CoefficientOne;
                bool stable = a2q < 1 && a2q > -1 && (a1q < 0 ? -a1q : a1q) < 1 + a2q;
                if (!stable)
                {
                    continue;
                }

                if (candidate < 9)
                {
                    RoundEach(c, gain, _candidate);
                }
                else
                {
                    KeepEndGains(c, gain, a1q, a2q, _candidate);
                }

                _candidate[3] = a1;
                _candidate[4] = a2;
                _trial[0] = _candidate[0] / (double)CoefficientOne;
                _trial[1] = _candidate[1] / (double)CoefficientOne;
                _trial[2] = _candidate[2] / (double)CoefficientOne;
                _trial[3] = a1q;
                _trial[4] = a2q;
                double worst = 1;
                for (int i = 0; i < points && worst < best; i++)
                {
                    double ratio = PowerAt(_trial, _gridCos1[i], _gridSin1[i], _gridCos2[i], _gridSin2[i]) / _idealPower[i];
                    ratio = ratio < 1 ? 1 / ratio : ratio;
                    worst = ratio > worst ? ratio : worst;
                }

                if (worst < best)
                {
                    best = worst;
                    for (int i = 0; i < 5; i++)
                    {
                        _chosen[i] = _candidate[i];
                    }
                }
            }

            bool fits = true;
            for (int i = 0; i < 5; i++)
            {
                fits &= Store(chip, i, _chosen[i]);
            }

            return fits;
        }

        // Scratch for Quantize. The firmware designs on one thread; the lock is for hosts that run
        // several devices at once (the tests, in parallel), and costs nothing when uncontended.
        private static readonly object ScratchLock = new object();
        private const int GridMax = 40;
        private static readonly double[] _gridCos1 = new double[GridMax];
        private static readonly double[] _gridSin1 = new double[GridMax];
        private static readonly double[] _gridCos2 = new double[GridMax];
        private static readonly double[] _gridSin2 = new double[GridMax];
        private static readonly double[] _idealPower = new double[GridMax];
        private static readonly long[] _candidate = new long[5];
        private static readonly long[] _chosen = new long[5];
        private static readonly double[] _trial = new double[5];
        private static double _gridRate;
        private static int _gridPoints;

        // Third octaves 1000·2^(n/3) from 19.7 Hz to 0.45·fs (kept while the rate stays).
        private static int FillGrid(double sampleRate)
        {
            if (sampleRate == _gridRate)
            {
                return _gridPoints;
            }

            int n = 0;
            for (double hz = 19.686266404607391; hz <= 0.45 * sampleRate && n < GridMax; hz *= 1.2599210498948732)
            {
                double w = 2 * EqMath.Pi * hz / sampleRate;
                _gridCos1[n] = EqMath.Cos(w);
                _gridSin1[n] = EqMath.Sin(w);
                _gridCos2[n] = 2 * _gridCos1[n] * _gridCos1[n] - 1;
                _gridSin2[n] = 2 * _gridSin1[n] * _gridCos1[n];
                n++;
            }

            _gridRate = sampleRate;
            _gridPoints = n;
            return n;
        }

        private static void RoundEach(double[] c, double gain, long[] into)
        {
            for (int i = 0; i < 3; i++)
            {
                into[i] = EqMath.RoundToLong(c[i] * gain * CoefficientOne);
            }
        }

        // b0, b1, b2 for the design's DC and Nyquist gains with the poles a1q, a2q (b0 − b2 as designed).
        private static void KeepEndGains(double[] c, double gain, double a1q, double a2q, long[] into)
        {
            double b0 = c[0] * gain;
            double b1 = c[1] * gain;
            double b2 = c[2] * gain;
            double dcSum = (b0 + b1 + b2) / (1 + c[3] + c[4]) * (1 + a1q + a2q);
            double nyquistSum = (b0 - b1 + b2) / (1 - c[3] + c[4]) * (1 - a1q + a2q);
            long outer = EqMath.RoundToLong((dcSum + nyquistSum) / 2 * CoefficientOne);
            into[1] = EqMath.RoundToLong((dcSum - nyquistSum) / 2 * CoefficientOne);
            into[0] = EqMath.RoundToLong(((dcSum + nyquistSum) / 2 + (b0 - b2)) / 2 * CoefficientOne);
            into[2] = outer - into[0];
        }

        private static bool Store(int[] chip, int index, long code)
        {
            bool fits = code <= CoefficientMax && code >= CoefficientMin;
            chip[index] = (int)(code > CoefficientMax ? CoefficientMax : (code < CoefficientMin ? CoefficientMin : code));
            return fits;
        }

        /// <summary>The chip coefficients back as a normalized biquad (what the chip runs).</summary>
        public static void Dequantize(int[] chip, double[] normalized)
        {
            for (int i = 0; i < 5; i++)
            {
                double value = chip[i] / (double)CoefficientOne;
                normalized[i] = i < 3 ? value : -value;
            }
        }
    }
}
