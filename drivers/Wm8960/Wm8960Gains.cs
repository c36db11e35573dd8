namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// The WM8960's gain stages as dB scales (WM8960 datasheet register map; Linux sound/soc/codecs/wm8960.c TLVs), in 0.01 dB.
    /// </summary>
    public static class Wm8960Gains
    {
        /// <summary>ADC digital volume R21/R22: 0 = mute, 1 = −97 dB … 0xC3 = 0 dB … 0xFF = +30 dB, 0.5 dB steps.</summary>
        public static readonly GainScale Adc = GainScale.Linear(1, 255, -9700, 50, 0);

        /// <summary>DAC digital volume R10/R11: 0 = mute, 1 = −127 dB … 0xFF = 0 dB, 0.5 dB steps.</summary>
        public static readonly GainScale Dac = GainScale.Linear(1, 255, -12700, 50, 0);

        /// <summary>Headphone output R2/R3: 0x30 = −73 dB … 0x79 = 0 dB … 0x7F = +6 dB, 1 dB steps; 0x00–0x2F mute.</summary>
        public static readonly GainScale Headphone = GainScale.Linear(0x30, 0x7F, -7300, 100, 0x00);

        /// <summary>
        /// Bypass (boost mixer → output mixer) R45/R46 bits 6:4: 0 = 0 dB … 7 = −21 dB, 3 dB steps.
        /// Code 8 stands for "path off" (the enable bit clear); the chip has no such code.
        /// </summary>
        public static readonly GainScale Bypass = GainScale.Linear(0, 7, 0, -300, BypassOffCode);

        public const int BypassOffCode = 8;

        /// <summary>Input PGA R0/R1 bits 5:0: −17.25 dB + 0.75 dB · code, 0x17 = 0 dB, 0x3F = +30 dB.</summary>
        public const int PgaMinCentiDb = -1725;

        public const int PgaStepCentiDb = 75;

        public const int PgaZeroDbCode = 0x17;

        /// <summary>Mic boost (LMICBOOST R32/R33 bits 5:4): 0, +13, +20, +29 dB.</summary>
        private static readonly int[] BoostCentiDb = { 0, 1300, 2000, 2900 };

        private static readonly int[] InputSettings = BuildInputSettings();

        /// <summary>
        /// Input gain, PGA and boost together, as one ascending table: the PGA alone up to +30 dB
        /// (boost adds no headroom problem there, and the PGA's changes wait for a zero crossing,
        /// the boost's do not); above that the smallest boost that reaches the gain, with the PGA
        /// on top: +13 dB up to +43, +20 up to +50, +29 up to +59 dB. The code is the table index;
        /// <see cref="InputMuteCode"/> (one past the end) mutes the PGA.
        /// </summary>
        public static readonly GainScale Input = GainScale.Table(BuildInputGains(), InputSettings.Length);

        public static int InputMuteCode
        {
            get { return InputSettings.Length; }
        }

        /// <summary>The PGA code (0…63) of an input-gain table entry.</summary>
        public static int PgaCodeOf(int inputCode)
        {
            return InputSettings[inputCode] & 0x3F;
        }

        /// <summary>The mic boost code (0…3) of an input-gain table entry.</summary>
        public static int BoostCodeOf(int inputCode)
        {
            return InputSettings[inputCode] >> 6;
        }

        /// <summary>The gain of a PGA code and boost code, in 0.01 dB.</summary>
        public static int InputCentiDb(int pgaCode, int boostCode)
        {
            return PgaMinCentiDb + pgaCode * PgaStepCentiDb + BoostCentiDb[boostCode];
        }

        // Entries are pga | boost << 6, in ascending order of gain.
        private static int[] BuildInputSettings()
        {
            int count = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                int[] settings = pass == 0 ? null : new int[count];
                int index = 0;
                int reached = int.MinValue;
                for (int boost = 0; boost < BoostCentiDb.Length; boost++)
                {
                    for (int pga = 0; pga <= 0x3F; pga++)
                    {
                        int gain = InputCentiDb(pga, boost);
                        if (gain > reached)
                        {
                            if (settings != null)
                            {
                                settings[index] = pga | (boost << 6);
                            }

                            index++;
                        }
                    }

                    reached = InputCentiDb(0x3F, boost);
                }

                if (settings != null)
                {
                    return settings;
                }

                count = index;
            }

            return null;
        }

        private static int[] BuildInputGains()
        {
            var gains = new int[InputSettings.Length];
            for (int i = 0; i < gains.Length; i++)
            {
                gains[i] = InputCentiDb(PgaCodeOf(i), BoostCodeOf(i));
            }

            return gains;
        }
    }
}
