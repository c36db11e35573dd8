using System.Device.Gpio;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>The ESP32's GPIO through one <see cref="GpioController"/>: pins opened by number from the board profile.</summary>
    public sealed class Esp32Gpio : IGpio
    {
        private readonly GpioController _controller;

        public Esp32Gpio(GpioController controller)
        {
            _controller = controller;
        }

        public IDigitalInput OpenInput(int pin, bool pullUp)
        {
            return new Esp32DigitalInput(_controller, pin, pullUp);
        }

        public IDigitalOutput OpenOutput(int pin, bool initialLevel)
        {
            return new Esp32DigitalOutput(_controller, pin, initialLevel);
        }
    }
}
