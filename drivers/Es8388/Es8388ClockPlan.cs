namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// How the ES8388 gets its sample rate (the ratio table of apache/nuttx
    /// drivers/audio/es8388.h, <c>es8388_lclk_div_t</c>, which the model uses): it has no PLL, so MCLK must be a ratio
    /// multiple of fs: fs = MCLK (halved with MCLKDIV2) / FsRatio. The driver takes an MCLK of
    /// 256·fs (ratio code 2, what the ESP32 and the USB bridge give) or 512·fs (MCLKDIV2, then
    /// code 2), the same for the ADC (ADCCONTROL5) and the DAC (DACCONTROL2), since the boards wire
    /// one LRCK. Both reset to code 6 (768·fs), so they are always written. Without a PLL, a fixed
    /// 12 MHz crystal works through the chip's "USB mode" ratios (NuttX's table, a single source):
    /// 250 for 48 kHz (exact), 272 for 44.1 kHz (44 117.6 Hz, 0.04 % fast, within what a slave's
    /// LRCK tolerates), 500/544/750/1000/1088/1500 for 24/22.05/16/12/11.025/8 kHz. Anything else
    /// is <see cref="DriverStatus.Unsupported"/>. Rates 8–48 kHz (single speed; double speed unused).
    /// </summary>
    public sealed class Es8388ClockPlan
    {
        /// <summary>FsRatio code for MCLK/LRCK = 256.</summary>
        public const int Ratio256Code = 2;

        public const int MinRate = 8000;
        public const int MaxRate = 48000;

        public int SampleRate { get; private set; }

        public int MclkHz { get; private set; }

        /// <summary>MASTERMODE MCLKDIV2: the converters see MCLK / 2.</summary>
        public bool MclkDivideBy2 { get; private set; }

        /// <summary>ADCFsRatio = DACFsRatio code.</summary>
        public int RatioCode { get; private set; }

        /// <summary>
        /// Works out the clocking for <paramref name="sampleRate"/> from <paramref name="mclkHz"/>;
        /// Unsupported (and nothing changed) when MCLK is not 256·fs, 512·fs or a 12 MHz USB-mode
        /// ratio of the rate, or the rate is out of range.
        /// </summary>
        public DriverStatus Compute(int sampleRate, int mclkHz)
        {
            if (sampleRate < MinRate || sampleRate > MaxRate || mclkHz <= 0)
            {
                return DriverStatus.Unsupported;
            }

            long mclk = mclkHz;
            bool divide = false;
            int code = Ratio256Code;
            if (mclk == 512L * sampleRate)
            {
                divide = true;
            }
            else if (mclk != 256L * sampleRate)
            {
                code = UsbModeCode(mclkHz, sampleRate);
                if (code < 0)
                {
                    return DriverStatus.Unsupported;
                }
            }

            SampleRate = sampleRate;
            MclkHz = mclkHz;
            MclkDivideBy2 = divide;
            RatioCode = code;
            return DriverStatus.Ok;
        }

        // The 12 MHz ratio codes (NuttX es8388_lclk_div_t), accepted within 0.1 % of the rate.
        private static readonly int[] UsbCodes = { 18, 19, 21, 22, 23, 24, 25, 27 };
        private static readonly int[] UsbRatios = { 250, 272, 500, 544, 750, 1000, 1088, 1500 };

        private static int UsbModeCode(int mclkHz, int sampleRate)
        {
            if (mclkHz != 12000000)
            {
                return -1;
            }

            for (int i = 0; i < UsbRatios.Length; i++)
            {
                long rate = (mclkHz + UsbRatios[i] / 2) / UsbRatios[i];
                long error = rate > sampleRate ? rate - sampleRate : sampleRate - rate;
                if (error * 1000 <= sampleRate)
                {
                    return UsbCodes[i];
                }
            }

            return -1;
        }

        public void CopyFrom(Es8388ClockPlan other)
        {
            SampleRate = other.SampleRate;
            MclkHz = other.MclkHz;
            MclkDivideBy2 = other.MclkDivideBy2;
            RatioCode = other.RatioCode;
        }
    }
}
