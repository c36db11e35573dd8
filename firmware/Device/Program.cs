using System.Device.Gpio;
using System.Threading;
using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Hal.Esp32;

namespace InterfaceFirmware.Firmware.Device
{
    /// <summary>
    /// The device entry point: builds the ESP32 hal for the reference board and starts the firmware.
    /// </summary>
    public static class Program
    {
        // Reference board (hardware/README.md): I2C on controller 1, SDA GPIO 18, SCL GPIO 23.
        private const int I2cBus = 1;
        private const int I2cData = 18;
        private const int I2cClock = 23;

        // The TPA6130A2's SD line (active low: high = running).
        private const int AmplifierShutdownPin = 21;

        public static void Main()
        {
            var log = new DebugLog();
            var bus = new Esp32I2cBus(I2cBus, I2cData, I2cClock, new int[] { Tpa6130a2Amplifier.DefaultAddress }, true);
            var gpio = new GpioController();
            var amplifierShutdown = new Esp32DigitalOutput(gpio, AmplifierShutdownPin, false);
            var amplifier = new Tpa6130a2Amplifier(bus, Tpa6130a2Amplifier.DefaultAddress, amplifierShutdown, log);
            ChipPresence.CheckAmplifier(amplifier, log);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
