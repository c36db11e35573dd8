namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// How the WM8960 makes its SYSCLK and sample rate from an MCLK (WM8960 datasheet
    /// clocking section, Linux <c>pll_factors</c> in sound/soc/codecs/wm8960.c): SYSCLK must be 12.288 MHz for the 48 kHz family and
    /// 11.2896 MHz for the 44.1 kHz family; fs = SYSCLK / (256 · DACDIV). An MCLK of SYSCLK or
    /// 2·SYSCLK is used directly; anything else goes through the PLL, run at 2·SYSCLK with
    /// SYSCLKDIV = 2 (f2 = 4 · 2 · SYSCLK, N.K = f2 / MCLK, 6 ≤ N ≤ 12, MCLK halved by the
    /// prescaler when N would be below 6). Integer arithmetic only.
    /// </summary>
    public sealed class Wm8960ClockPlan
    {
        public const int Sysclk48kFamily = 12288000;
        public const int Sysclk44kFamily = 11289600;

        // DACDIV/ADCDIV codes 0…6 divide SYSCLK/256 by 1, 1.5, 2, 3, 4, 5.5, 6 (in halves: 2, 3, 4, 6, 8, 11, 12).
        private static readonly int[] DividerHalves = { 2, 3, 4, 6, 8, 11, 12 };

        public int SampleRate { get; private set; }

        public int MclkHz { get; private set; }

        public int SysclkHz { get; private set; }

        /// <summary>DACDIV = ADCDIV code (0…6).</summary>
        public int DividerCode { get; private set; }

        /// <summary>SYSCLK = MCLK (or PLL output) / 2.</summary>
        public bool SysclkDivideBy2 { get; private set; }

        public bool UsePll { get; private set; }

        /// <summary>PLLPRESCALE: MCLK / 2 into the PLL.</summary>
        public bool PllPrescale { get; private set; }

        public int PllN { get; private set; }

        /// <summary>The 24-bit fractional part; 0 means integer mode (SDM off).</summary>
        public int PllK { get; private set; }

        /// <summary>R4: ADCDIV, DACDIV, SYSCLKDIV and CLKSEL.</summary>
        public int Clocking1Value
        {
            get
            {
                return (DividerCode << Wm8960Registers.AdcDividerShift) | (DividerCode << Wm8960Registers.DacDividerShift)
                    | (SysclkDivideBy2 ? Wm8960Registers.SysclkDivideBy2 : 0)
                    | (UsePll ? Wm8960Registers.ClockSelectPll : 0);
            }
        }

        /// <summary>R52: SDM (fractional), PLLPRESCALE, PLLN.</summary>
        public int Pll1Value
        {
            get { return (PllK != 0 ? Wm8960Registers.PllFractional : 0) | (PllPrescale ? Wm8960Registers.PllPrescale : 0) | PllN; }
        }

        /// <summary>
        /// Works out the clocking for <paramref name="sampleRate"/> from <paramref name="mclkHz"/>.
        /// Unsupported for rates outside 8–48 kHz of both families, or an MCLK the PLL cannot use.
        /// </summary>
        public DriverStatus Compute(int sampleRate, int mclkHz)
        {
            if (sampleRate <= 0 || mclkHz <= 0)
            {
                return DriverStatus.Unsupported;
            }

            int sysclk = Sysclk48kFamily % sampleRate == 0 ? Sysclk48kFamily : Sysclk44kFamily;
            int divider = DividerFor(sysclk, sampleRate);
            if (divider < 0)
            {
                return DriverStatus.Unsupported;
            }

            bool usePll = false;
            bool divideBy2 = false;
            bool prescale = false;
            int n = 0;
            int k = 0;
            if (mclkHz == sysclk)
            {
                // MCLK is SYSCLK (256·fs from the USB bridge or the ESP32)
            }
            else if (mclkHz == 2 * sysclk)
            {
                divideBy2 = true;
            }
            else
            {
                usePll = true;
                divideBy2 = true;
                long f2 = 8L * sysclk;
                long reference = mclkHz;
                if (f2 / reference < 6)
                {
                    prescale = true;
                    reference /= 2;
                }

                long whole = f2 / reference;
                if (whole < 6 || whole > 12)
                {
                    return DriverStatus.Unsupported;
                }

                n = (int)whole;
                k = (int)((((f2 % reference) << 24) + reference / 2) / reference);
            }

            SampleRate = sampleRate;
            MclkHz = mclkHz;
            SysclkHz = sysclk;
            DividerCode = divider;
            SysclkDivideBy2 = divideBy2;
            UsePll = usePll;
            PllPrescale = prescale;
            PllN = n;
            PllK = k;
            return DriverStatus.Ok;
        }

        /// <summary>True when <paramref name="other"/> runs the PLL with the same factors.</summary>
        public bool SamePll(Wm8960ClockPlan other)
        {
            return UsePll && other.UsePll && PllN == other.PllN && PllK == other.PllK && PllPrescale == other.PllPrescale;
        }

        public void CopyFrom(Wm8960ClockPlan other)
        {
            SampleRate = other.SampleRate;
            MclkHz = other.MclkHz;
            SysclkHz = other.SysclkHz;
            DividerCode = other.DividerCode;
            SysclkDivideBy2 = other.SysclkDivideBy2;
            UsePll = other.UsePll;
            PllPrescale = other.PllPrescale;
            PllN = other.PllN;
            PllK = other.PllK;
        }

        private static int DividerFor(int sysclk, int sampleRate)
        {
            long numerator = 2L * sysclk;
            long denominator = 256L * sampleRate;
            if (numerator % denominator != 0)
            {
                return -1;
            }

            long halves = numerator / denominator;
            for (int code = 0; code < DividerHalves.Length; code++)
            {
                if (DividerHalves[code] == halves)
                {
                    return code;
                }
            }

            return -1;
        }
    }
}
