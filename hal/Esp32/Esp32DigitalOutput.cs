using System;
using System.Device.Gpio;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>A GPIO output (LED, enable line, load switch).</summary>
    public sealed class Esp32DigitalOutput : IDigitalOutput, IDisposable
    {
        private readonly GpioPin _pin;

        public Esp32DigitalOutput(GpioController controller, int pin, bool initialLevel)
        {
            Pin = pin;
            _pin = controller.OpenPin(pin, PinMode.Output);
            Write(initialLevel);
        }

        public int Pin { get; }

        public bool Level { get; private set; }

        public void Write(bool level)
        {
            _pin.Write(level ? PinValue.High : PinValue.Low);
            Level = level;
        }

        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
