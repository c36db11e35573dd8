namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// How the ES8388 gets its sample rate (shared/facts/audio-chips.md §2.2, the NuttX
    /// <c>es8388_lclk_div_t</c> table the model uses): it has no PLL, so MCLK must be a ratio
    /// multiple of fs: fs = MCLK (halved with MCLKDIV2) / FsRatio. The driver takes an MCLK of
    /// 256·fs (ratio code 2, what the ESP32 and the USB bridge give) or 512·fs (MCLKDIV2, then
    /// code 2), the same for the ADC (ADCCONTROL5) and the DAC (DACCONTROL2), since the boards wire
    /// one LRCK. Both reset to code 6 (768·fs), so they are always written. Anything else, e.g. a
    /// 12 MHz crystal, is <see cref="DriverStatus.Unsupported"/> (the model's table also has the
    /// "USB" ratios such as 250 for 12 MHz / 48 kHz, but they are a single source's and untested).
    /// Rates 8–48 kHz (single speed; double-speed mode is not used).
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
        /// Unsupported (and nothing changed) when MCLK is not 256·fs or 512·fs, or the rate is out of range.
        /// </summary>
        public DriverStatus Compute(int sampleRate, int mclkHz)
        {
            if (sampleRate < MinRate || sampleRate > MaxRate || mclkHz <= 0)
            {
                return DriverStatus.Unsupported;
            }

            long mclk = mclkHz;
            bool divide;
            if (mclk == 256L * sampleRate)
            {
                divide = false;
            }
            else if (mclk == 512L * sampleRate)
            {
                divide = true;
            }
            else
            {
                return DriverStatus.Unsupported;
            }

            SampleRate = sampleRate;
            MclkHz = mclkHz;
            MclkDivideBy2 = divide;
            RatioCode = Ratio256Code;
            return DriverStatus.Ok;
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
