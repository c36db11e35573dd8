namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>
    /// How the SGTL5000 gets its rate as an I2S slave (Linux sgtl5000_set_clock: "in slave mode,
    /// only sys_mclk can be used"): SYS_FS 32, 44.1, 48 or 96 kHz, MCLK 256, 384 or 512·fs, and
    /// MCLK itself within 8–27 MHz (Linux: "factor of freq = 96 kHz can only be 256, since mclk is
    /// in the range of 8 MHz - 27 MHz"). Anything else is <see cref="DriverStatus.Unsupported"/>.
    /// </summary>
    public sealed class Sgtl5000ClockPlan
    {
        public const int MinMclkHz = 8000000;
        public const int MaxMclkHz = 27000000;

        public int SampleRate { get; private set; }

        public int MclkHz { get; private set; }

        /// <summary>CHIP_CLK_CTRL's SYS_FS and MCLK_FREQ fields (RATE_MODE 0: the rate is SYS_FS).</summary>
        public int ClockControl { get; private set; }

        public DriverStatus Compute(int sampleRate, int mclkHz)
        {
            int sysFs;
            switch (sampleRate)
            {
                case 32000: sysFs = Sgtl5000Registers.SysFs32k; break;
                case 44100: sysFs = Sgtl5000Registers.SysFs44k1; break;
                case 48000: sysFs = Sgtl5000Registers.SysFs48k; break;
                case 96000: sysFs = Sgtl5000Registers.SysFs96k; break;
                default: return DriverStatus.Unsupported;
            }

            if (mclkHz < MinMclkHz || mclkHz > MaxMclkHz || mclkHz % sampleRate != 0)
            {
                return DriverStatus.Unsupported;
            }

            int mclkFreq;
            switch (mclkHz / sampleRate)
            {
                case 256: mclkFreq = Sgtl5000Registers.Mclk256Fs; break;
                case 384: mclkFreq = Sgtl5000Registers.Mclk384Fs; break;
                case 512: mclkFreq = Sgtl5000Registers.Mclk512Fs; break;
                default: return DriverStatus.Unsupported;
            }

            SampleRate = sampleRate;
            MclkHz = mclkHz;
            ClockControl = (sysFs << Sgtl5000Registers.SysFsShift) | mclkFreq;
            return DriverStatus.Ok;
        }

        public void CopyFrom(Sgtl5000ClockPlan other)
        {
            SampleRate = other.SampleRate;
            MclkHz = other.MclkHz;
            ClockControl = other.ClockControl;
        }
    }
}
