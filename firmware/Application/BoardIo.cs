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

        public IAdcTap AdcTap { get; set; }
    }
}
