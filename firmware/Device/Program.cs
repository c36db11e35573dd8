using System.Device.Gpio;
using System.Threading;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Eq;
using InterfaceFirmware.Hal.Esp32;

namespace InterfaceFirmware.Firmware.Device
{
    /// <summary>
    /// The device entry point: builds the ESP32 hal for the board this image is built for and
    /// starts the firmware; the control loop then runs on the clock's tick.
    /// </summary>
    /// <remarks>
    /// The board is a build-time choice (<see cref="BoardName"/>): a pin strap would cost a GPIO
    /// none of the boards has spare. Every board gets the ESP32 as codec clock master with the ADC
    /// tap on its own I2S pins (<see cref="DevicePins"/>); only the reference and portable boards
    /// have the USB bridge's status lines, VBUS sense and the keep-alive load, and only they are
    /// given the settings slots on the internal flash (the dev boards start from defaults every
    /// boot). Every board is given the user EQ preset files; only a board with an EQ reads them.
    /// </remarks>
    public static class Program
    {
        /// <summary>"reference", "audiokit", "lyrat" or "portable".</summary>
        private const string BoardName = "reference";

        public static void Main()
        {
            BoardProfile profile = BoardProfiles.ByName(BoardName);
            var log = new DebugLog();
            var addresses = new int[profile.Codecs.Length + (profile.HasAmplifier ? 1 : 0)];
            for (int i = 0; i < profile.Codecs.Length; i++)
            {
                addresses[i] = profile.Codecs[i].Address;
            }

            if (profile.HasAmplifier)
            {
                addresses[addresses.Length - 1] = profile.AmplifierAddress;
            }

            var gpio = new GpioController();
            var bus = new Esp32I2cBus(profile.I2cBusId, profile.I2cDataPin, profile.I2cClockPin, addresses, true);
            var io = new BoardIo(new Esp32Clock(), bus, new Esp32Gpio(gpio), log);

            var tap = new Esp32AdcTap(DevicePins.AdcTapRingFrames, DevicePins.AdcTapBlockFrames);
            io.AdcTap = tap;
            io.CodecClock = new Esp32CodecClock(gpio, DevicePins.I2s(BoardName), tap);

            if (profile.HasUsbBridge)
            {
                var usb = new Esp32UsbLink(gpio, DevicePins.ReferenceUsb());
                io.Usb = usb;
                io.Power = new Esp32PowerSupply(gpio, usb, DevicePins.ReferenceKeepAliveLoad);
                io.Store = new Esp32SettingsStore(DevicePins.SettingsDirectory, DevicePins.SettingsSlots, DevicePins.SettingsRecordBytes);
            }

            io.EqPresets = new Esp32SettingsStore(DevicePins.EqPresetFiles, EqPresetFile.Size); // read only where a codec has an EQ

            var device = new InterfaceDevice(profile, io, null);
            device.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
