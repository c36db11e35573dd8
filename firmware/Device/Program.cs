using System.Device.Gpio;
using System.Threading;
using InterfaceFirmware.Firmware.Application;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Hal.Esp32;

namespace InterfaceFirmware.Firmware.Device
{
    /// <summary>
    /// The device entry point: builds the ESP32 hal for the board this image is built for and
    /// starts the firmware; the control loop then runs on the clock's tick.
    /// </summary>
    /// <remarks>
    /// The board is a build-time choice (<see cref="BoardName"/>): a pin strap would cost a GPIO
    /// none of the boards has spare. What the ESP32 hal does not offer yet (USB bridge status lines,
    /// the ESP32 as codec clock master over I2S, settings in flash, the ADC tap) is absent here:
    /// the firmware then runs as a standalone headphone amplifier clocked by the USB bridge.
    /// </remarks>
    public static class Program
    {
        /// <summary>"reference", "audiokit" or "lyrat".</summary>
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

            var bus = new Esp32I2cBus(profile.I2cBusId, profile.I2cDataPin, profile.I2cClockPin, addresses, true);
            var io = new BoardIo(new Esp32Clock(), bus, new Esp32Gpio(new GpioController()), log);
            var device = new InterfaceDevice(profile, io, null);
            device.Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
