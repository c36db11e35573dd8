namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// The few real functions the EQ designer needs, in plain double arithmetic: the device build
    /// has no System.Math package. Each is a range reduction and a short series, accurate to about
    /// 1e-12 relative over the ranges the designer uses (far below the chip's 2^-18 coefficient step).
    /// </summary>
    public static class EqMath
    {
        public const double Pi = 3.14159265358979323846;
        public const double Ln2 = 0.69314718055994530942;
        public const double Ln10 = 2.30258509299404568402;

        /// <summary>sin x: reduced to [−π/2, π/2], then Taylor to x^17.</summary>
        public static double Sin(double x)
        {
            double turns = x / (2 * Pi);
            x -= 2 * Pi * RoundToLong(turns); // now in [−π, π]
            if (x > Pi / 2)
            {
                x = Pi - x;
            }
            else if (x < -Pi / 2)
            {
                x = -Pi - x;
            }

            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n <= 8; n++)
            {
                term *= -x2 / ((2 * n) * (2 * n + 1));
                sum += term;
            }

            return sum;
        }

        public static double Cos(double x)
        {
            return Sin(x + Pi / 2);
        }

        /// <summary>e^x: x = k·ln2 + r with |r| ≤ ln2/2, Taylor for e^r, then 2^k.</summary>
        public static double Exp(double x)
        {
            if (x > 700)
            {
                x = 700;
            }
            else if (x < -700)
            {
                return 0;
            }

            long k = RoundToLong(x / Ln2);
            double r = x - k * Ln2;
            double term = 1;
            double sum = 1;
            for (int n = 1; n <= 16; n++)
            {
                term *= r / n;
                sum += term;
            }

            double two = k >= 0 ? 2.0 : 0.5;
            for (long i = k >= 0 ? k : -k; i > 0; i--)
            {
                sum *= two;
            }

            return sum;
        }

        /// <summary>ln x for x &gt; 0 (x ≤ 0 gives a large negative number): x = 2^k·m with m in [√½, √2), ln m by the atanh series.</summary>
        public static double Ln(double x)
        {
            if (x <= 0)
            {
                return -1e300;
            }

            int k = 0;
            while (x >= 1.4142135623730951)
            {
                x *= 0.5;
                k++;
            }

            while (x < 0.70710678118654752)
            {
                x *= 2;
                k--;
            }

            double t = (x - 1) / (x + 1); // |t| ≤ 0.172
            double t2 = t * t;
            double power = t;
            double sum = 0;
            for (int n = 1; n <= 29; n += 2)
            {
                sum += power / n;
                power *= t2;
            }

            return 2 * sum + k * Ln2;
        }

        /// <summary>10^x.</summary>
        public static double Pow10(double x)
        {
            return Exp(x * Ln10);
        }

        public static double Log10(double x)
        {
            return Ln(x) / Ln10;
        }

        /// <summary>√x for x ≥ 0 (0 for negative x).</summary>
        public static double Sqrt(double x)
        {
            return x <= 0 ? 0 : Exp(0.5 * Ln(x));
        }

        /// <summary>Linear gain of <paramref name="db"/> decibels (amplitude).</summary>
        public static double DbToGain(double db)
        {
            return Pow10(db / 20);
        }

        /// <summary>Decibels of a power ratio (|H|²).</summary>
        public static double PowerToDb(double power)
        {
            return 10 * Log10(power);
        }

        /// <summary>Nearest integer, halves away from zero.</summary>
        public static long RoundToLong(double x)
        {
            return x >= 0 ? (long)(x + 0.5) : -(long)(-x + 0.5);
        }

        public static int Round(double x)
        {
            return (int)RoundToLong(x);
        }
    }
}
