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
        /// <c>Sgtl5000Codec.WriteBiquad</c> takes). Returns false if one is out of the 20-bit range (it is clamped).
        /// </summary>
        public static bool Quantize(double[] c, double gain, int[] chip)
        {
            bool fits = true;
            for (int i = 0; i < 5; i++)
            {
                double value = i < 3 ? c[i] * gain : -c[i];
                long code = EqMath.RoundToLong(value * CoefficientOne);
                if (code > CoefficientMax || code < CoefficientMin)
                {
                    fits = false;
                    code = code > CoefficientMax ? CoefficientMax : CoefficientMin;
                }

                chip[i] = (int)code;
            }

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
