using System;
using System.Device.Gpio;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// A GPIO input with edge events. Hardware debouncing is off: the firmware debounces, the same
    /// way on the device and in the emulator, so tests see the device's behaviour.
    /// </summary>
    public sealed class Esp32DigitalInput : IDigitalInput, IDisposable
    {
        private readonly GpioPin _pin;
        private DigitalEdgeHandler _edge;

        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pin">GPIO number.</param>
        /// <param name="pullUp">Enable the internal pull-up (buttons to ground); otherwise a plain input.</param>
        public Esp32DigitalInput(GpioController controller, int pin, bool pullUp)
        {
            Pin = pin;
            _pin = controller.OpenPin(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
            _pin.DebounceTimeout = TimeSpan.Zero;
            _pin.ValueChanged += OnValueChanged;
        }

        public int Pin { get; }

        // Explicit accessors: subscriptions are made at start-up, before edges can arrive.
        public event DigitalEdgeHandler Edge
        {
            add { _edge = (DigitalEdgeHandler)Delegate.Combine(_edge, value); }
            remove { _edge = (DigitalEdgeHandler)Delegate.Remove(_edge, value); }
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        public void Dispose()
        {
            _pin.ValueChanged -= OnValueChanged;
            _pin.Dispose();
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            DigitalEdgeHandler handler = _edge;
            if (handler != null)
            {
                handler(this, e.ChangeType == PinEventTypes.Rising);
            }
        }
    }
}
