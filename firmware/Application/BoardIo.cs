using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>
    /// The hal the firmware runs on: the ESP32's on the device, the emulated board's on a PC.
    /// Optional parts are null where a board has none (no USB bridge on the dev boards).
    /// </summary>
    public sealed class BoardIo
    {
        public BoardIo(IClock clock, II2cBus bus, IGpio gpio, ILog log)
        {
            Clock = clock;
            Bus = bus;
            Gpio = gpio;
            Log = log;
            ChipsMayBeLive = true;
        }

        public IClock Clock { get; }

        public II2cBus Bus { get; }

        public IGpio Gpio { get; }

        public ILog Log { get; }

        /// <summary>The USB bridge's status lines (null without a bridge).</summary>
        public IUsbLink Usb { get; set; }

        /// <summary>The ESP32 as the codec's clock master (standalone, dev boards).</summary>
        public ICodecClock CodecClock { get; set; }

        public IPowerSupply Power { get; set; }

        public ISettingsStore Store { get; set; }

        /// <summary>The user EQ presets, one file per slot (null: none; boards without EQ ignore it).</summary>
        public ISettingsStore EqPresets { get; set; }

        public IAdcTap AdcTap { get; set; }

        /// <summary>
        /// The chips may be powered and playing from before this start (the processor restarted
        /// under them: a watchdog, a crash, a new deploy): the firmware then takes charge of them
        /// softly, which on a write-only codec means rewriting registers a cold chip already holds
        /// (about 16 writes and 310 ms per WM8960). False only where the start is known to follow a
        /// power-up of the whole board. True by default: the safe choice when it is unknown.
        /// </summary>
        public bool ChipsMayBeLive { get; set; }
    }
}
