namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// WM8960 register addresses, the bits the driver uses and the power-on values (Linux
    /// <c>wm8960_reg_defaults</c> in sound/soc/codecs/wm8960.c, SparkFun_WM8960_Arduino_Library's datasheet transcription).
    /// </summary>
    public static class Wm8960Registers
    {
        public const int Count = 56;

        public const int LeftInputVolume = 0x00;
        public const int RightInputVolume = 0x01;
        public const int LeftHeadphoneVolume = 0x02;
        public const int RightHeadphoneVolume = 0x03;
        public const int Clocking1 = 0x04;
        public const int DacControl1 = 0x05;
        public const int DacControl2 = 0x06;
        public const int AudioInterface1 = 0x07;
        public const int LeftDacVolume = 0x0A;
        public const int RightDacVolume = 0x0B;
        public const int Reset = 0x0F;
        public const int LeftAdcVolume = 0x15;
        public const int RightAdcVolume = 0x16;
        public const int AdditionalControl1 = 0x17;
        public const int Power1 = 0x19;
        public const int Power2 = 0x1A;
        public const int AntiPop1 = 0x1C;
        public const int AntiPop2 = 0x1D;
        public const int LeftInputPath = 0x20;
        public const int RightInputPath = 0x21;
        public const int LeftOutMix = 0x22;
        public const int RightOutMix = 0x25;
        public const int LeftBypass = 0x2D;
        public const int RightBypass = 0x2E;
        public const int Power3 = 0x2F;
        public const int Pll1 = 0x34;
        public const int Pll2 = 0x35;
        public const int Pll3 = 0x36;
        public const int Pll4 = 0x37;

        // R52 PLL 1: SDM (fractional mode), PLLPRESCALE (MCLK / 2 into the PLL), PLLN[3:0]; R53–R55 PLLK[23:0], high byte first
        public const int PllFractional = 0x020;
        public const int PllPrescale = 0x010;

        /// <summary>The update latch of every volume pair (IPVU, OUT1VU, DACVU, ADCVU).</summary>
        public const int VolumeUpdate = 0x100;

        // R0/R1 input PGA
        public const int InputMute = 0x080;
        public const int InputZeroCross = 0x040;
        public const int InputVolumeMask = 0x03F;

        // R2/R3 headphone
        public const int HeadphoneZeroCross = 0x080;
        public const int HeadphoneVolumeMask = 0x07F;

        // R4 clocking: ADCDIV[8:6], DACDIV[5:3], SYSCLKDIV[2:1], CLKSEL[0]
        public const int AdcDividerShift = 6;
        public const int DacDividerShift = 3;
        public const int ClockSelectPll = 0x001;
        public const int SysclkDivideBy2 = 0x004;

        // R5 DAC control 1
        public const int AdcPolarityLeft = 0x020;
        public const int AdcPolarityRight = 0x040;
        public const int DacSoftMute = 0x008;

        // R6 DAC control 2: soft-mute ramp back up on un-mute, slow ramp (fs/32)
        public const int DacSoftMuteMode = 0x008;
        public const int DacSlowRamp = 0x004;

        // R7 audio interface: WL[3:2], FORMAT[1:0], MS[6]
        public const int WordLengthMask = 0x00C;
        public const int WordLength16 = 0x000;
        public const int WordLength20 = 0x004;
        public const int WordLength24 = 0x008;
        public const int WordLength32 = 0x00C;
        public const int FormatMask = 0x003;
        public const int FormatRightJustified = 0x000;
        public const int FormatLeftJustified = 0x001;
        public const int FormatI2s = 0x002;
        public const int FormatDsp = 0x003;
        public const int MasterMode = 0x040;

        // R23 additional control 1: TSDEN, VSEL = 11 (reset), TOCLKSEL fast, TOEN
        public const int TimeoutFast = 0x002;
        public const int TimeoutEnable = 0x001;

        // R25 power 1
        public const int VmidMask = 0x180;
        public const int Vmid2x50k = 0x080;
        public const int Vmid2x250k = 0x100;
        public const int Vref = 0x040;
        public const int AnalogueInputs = 0x030;
        public const int Adcs = 0x00C;

        // R26 power 2
        public const int Dacs = 0x180;
        public const int HeadphoneDrivers = 0x060;
        public const int PllEnable = 0x001;

        // R28 anti-pop 1
        public const int AntiPopStartup = 0x09C; // POBCTRL | SOFT_ST | BUFDCOPEN | BUFIOEN
        public const int AntiPopRunning = 0x008; // BUFIOEN

        // R32/R33 input signal path
        public const int InputInverting1 = 0x100;  // LMN1: INPUT1 to the PGA's inverting input
        public const int InputNonInverting3 = 0x080; // LMP3
        public const int InputNonInverting2 = 0x040; // LMP2
        public const int MicBoostMask = 0x030;
        public const int MicBoostShift = 4;
        public const int PgaToBoost = 0x008;     // LMIC2B
        public const int InputSelectMask = 0x1C0;

        // R34/R37 output mixer
        public const int DacToMixer = 0x100;

        // R45/R46 bypass: boost mixer → output mixer, gain 0…−21 dB in bits 6:4
        public const int BypassEnable = 0x080;
        public const int BypassGainMask = 0x070;

        // R47 power 3
        public const int InputPgas = 0x030;
        public const int OutputMixers = 0x00C;

        /// <summary>
        /// Every register this driver writes (the others it leaves at their power-on values). A
        /// take-over of a chip in an unknown state rewrites all of these (see Wm8960Sequences.TakeOver).
        /// </summary>
        public static int[] Managed()
        {
            return new int[]
            {
                LeftInputVolume, RightInputVolume, LeftHeadphoneVolume, RightHeadphoneVolume, Clocking1, DacControl1,
                DacControl2, AudioInterface1, LeftDacVolume, RightDacVolume, LeftAdcVolume, RightAdcVolume,
                AdditionalControl1, Power1, Power2, AntiPop1, AntiPop2, LeftInputPath, RightInputPath, LeftOutMix,
                RightOutMix, LeftBypass, RightBypass, Power3, Pll1, Pll2, Pll3, Pll4,
            };
        }

        private static readonly int[] PowerOnValues =
        {
            0x097, 0x097, 0x000, 0x000, 0x000, 0x008, 0x000, 0x00A, // 0x00
            0x1C0, 0x000, 0x0FF, 0x0FF, 0x000, 0x000, 0x000, 0x000, // 0x08 (0x0C–0x0E reserved, 0x0F reset)
            0x000, 0x07B, 0x100, 0x032, 0x000, 0x0C3, 0x0C3, 0x1C0, // 0x10
            0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, // 0x18 (0x1E, 0x1F reserved)
            0x100, 0x100, 0x050, 0x000, 0x000, 0x050, 0x000, 0x000, // 0x20 (0x23, 0x24 reserved)
            0x000, 0x000, 0x040, 0x000, 0x000, 0x050, 0x050, 0x000, // 0x28
            0x002, 0x037, 0x000, 0x080, 0x008, 0x031, 0x026, 0x0E9, // 0x30 (0x32 reserved)
        };

        /// <summary>
        /// A copy of the power-on values. R0/R1 are 0x097 (0 dB, muted) as the datasheet
        /// transcriptions say; current Linux caches 0x0A7 (+12 dB), which contradicts the datasheet
        /// field default. The driver writes both at start-up, so either reset value works.
        /// </summary>
        public static int[] ResetValues()
        {
            var copy = new int[Count];
            System.Array.Copy(PowerOnValues, copy, Count);
            return copy;
        }
    }
}
