namespace InterfaceFirmware.Firmware.Indicators
{
    /// <summary>Things the LEDs tell apart.</summary>
    public enum Indication
    {
        /// <summary>A chip does not answer or failed to come up.</summary>
        Fault = 0,

        /// <summary>Something is under way (power-up, auto gain listening).</summary>
        Busy = 1,

        /// <summary>An input clipped (held long enough to be seen).</summary>
        Clip = 2,

        /// <summary>Just after a select press: the first jack is now the one the volume keys control.</summary>
        SelectedFirstJack = 3,

        /// <summary>Just after a select press: the second jack is now the one the volume keys control.</summary>
        SelectedSecondJack = 4,

        /// <summary>The selected jack is muted (or at the bottom of its range).</summary>
        Muted = 5,

        /// <summary>Direct monitoring on, stereo.</summary>
        MonitorStereo = 6,

        /// <summary>Direct monitoring on, mono.</summary>
        MonitorMono = 7,

        /// <summary>A computer configured the device.</summary>
        UsbMode = 8,

        /// <summary>Powered, no computer: standalone.</summary>
        Standalone = 9,

        /// <summary>Auto gain set the inputs (shown for a few seconds).</summary>
        AutoGainSucceeded = 10,

        /// <summary>Auto gain could not (too quiet, clipping at the lowest gain…; the log says which).</summary>
        AutoGainFailed = 11,

        /// <summary>Just after an EQ preset step: the preset's number, counted in flashes (shown for a few seconds).</summary>
        EqPreset = 12,
    }

    /// <summary>
    /// An LED pattern: 16 slots of <see cref="SlotMs"/> ms over a 2 s cycle, most significant bit
    /// first; a set bit lights the LED for that slot. Patterns are data so a table documents them
    /// and a test reads them back off the emulator's LEDs.
    /// </summary>
    public static class LedPatterns
    {
        public const int SlotMs = 125;
        public const int Slots = 16;
        public const int CycleMs = SlotMs * Slots;

        /// <summary>Lit all the time.</summary>
        public const int Solid = 0xFFFF;

        /// <summary>4 Hz blink (125 ms on, 125 ms off).</summary>
        public const int FastBlink = 0xAAAA;

        /// <summary>2 Hz blink (250 ms on, 250 ms off).</summary>
        public const int Blink = 0xCCCC;

        /// <summary>0.5 Hz blink (1 s on, 1 s off).</summary>
        public const int SlowBlink = 0xFF00;

        /// <summary>One 375 ms flash per 2 s.</summary>
        public const int OneFlash = 0xE000;

        /// <summary>Two 125 ms flashes per 2 s.</summary>
        public const int TwoFlashes = 0xA000;

        /// <summary>A 125 ms heartbeat every 2 s.</summary>
        public const int Heartbeat = 0x8000;

        /// <summary>Lit except one short gap per 2 s.</summary>
        public const int SolidWithGap = 0xFFFE;

        /// <summary>
        /// Not a pattern but a count: the LED flashes <see cref="LedController.Count"/> times (125 ms
        /// on, 125 ms off) at the start of each 2 s cycle (<see cref="Flashes"/>).
        /// </summary>
        public const int Counted = 0x10000;

        /// <summary><paramref name="count"/> 125 ms flashes 125 ms apart (1 … 8), then dark to the end of the cycle.</summary>
        public static int Flashes(int count)
        {
            count = count < 1 ? 1 : (count > Slots / 2 ? Slots / 2 : count);
            int pattern = 0;
            for (int k = 0; k < count; k++)
            {
                pattern |= 1 << (Slots - 1 - 2 * k);
            }

            return pattern;
        }

        /// <summary>Whether <paramref name="pattern"/> lights the LED at <paramref name="nowMs"/>.</summary>
        public static bool IsLit(int pattern, long nowMs)
        {
            int slot = (int)(nowMs / SlotMs % Slots);
            return (pattern & (1 << (Slots - 1 - slot))) != 0;
        }
    }

    /// <summary>One row of a board's LED table: this LED shows that indication with this pattern; earlier rows win.</summary>
    public sealed class IndicatorBinding
    {
        public IndicatorBinding(int led, Indication indication, int pattern)
        {
            Led = led;
            Indication = indication;
            Pattern = pattern;
        }

        /// <summary>Index into the profile's LEDs.</summary>
        public int Led { get; }

        public Indication Indication { get; }

        /// <summary>A <see cref="LedPatterns"/> mask.</summary>
        public int Pattern { get; }
    }
}
