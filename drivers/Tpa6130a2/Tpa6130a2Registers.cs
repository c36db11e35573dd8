namespace InterfaceFirmware.Drivers.Tpa6130a2
{
    /// <summary>
    /// TPA6130A2 registers (TI SLOS488, Linux sound/soc/codecs/tpa6130a2.h).
    /// Registers 5–8 are TI test registers: never written.
    /// </summary>
    public static class Tpa6130a2Registers
    {
        /// <summary>Cache size: registers 0 (unused) to 4.</summary>
        public const int Count = 5;

        public const int Control = 1;
        public const int Volume = 2;
        public const int OutputImpedance = 3;
        public const int Version = 4;

        // Control
        public const int EnableLeft = 0x80;
        public const int EnableRight = 0x40;
        public const int EnableBoth = EnableLeft | EnableRight;
        public const int ModeMask = 0x30; // 00 stereo headphone
        public const int Thermal = 0x02;   // read-only, clear-on-read
        public const int SoftwareShutdown = 0x01;

        // Volume
        public const int MuteLeft = 0x80;
        public const int MuteRight = 0x40;
        public const int MuteBoth = MuteLeft | MuteRight;
        public const int VolumeMask = 0x3F;

        // Output impedance
        public const int HighZLeft = 0x02;
        public const int HighZRight = 0x01;

        // Version
        public const int RevisionMask = 0x0F;

        /// <summary>
        /// Power-on values per the datasheet ("SWS off, charge pump on, outputs disabled, muted,
        /// −59.5 dB"): Control 0x00 (Linux caches SWS = 1, its own off-state, not the chip's).
        /// </summary>
        public static int[] ResetValues()
        {
            return new int[] { 0x00, 0x00, 0xC0, 0x00, 0x02 };
        }

        /// <summary>
        /// The volume taper in 0.01 dB per code (TI SLOS488 Table 2, typical values). The driver's
        /// own copy, kept apart from the emulator's on purpose. 0x1F is not in the captured table:
        /// −11.6 dB interpolated between its neighbours (−12.3, −10.9); 0x3F = +4.0 dB is the top of
        /// the range the Linux driver states ("−59.5 to 4 dB").
        /// </summary>
        public static int[] GainTable()
        {
            return new int[]
            {
                -5950, -5350, -5000, -4750, -4550, -4390, -4140, -3950,
                -3650, -3530, -3330, -3170, -3040, -2860, -2710, -2630,
                -2470, -2370, -2250, -2170, -2050, -1960, -1880, -1780,
                -1700, -1620, -1520, -1450, -1370, -1300, -1230, -1160,
                -1090, -1030, -970, -900, -850, -780, -720, -670,
                -610, -560, -510, -450, -410, -350, -310, -260,
                -210, -170, -120, -80, -30, 10, 50, 90,
                140, 170, 210, 250, 290, 330, 360, 400,
            };
        }
    }
}
