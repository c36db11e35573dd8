using System;
using System.Device.Gpio;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// Power source sensing from the USB lines, and the power-bank keep-alive load: a logic-level
    /// MOSFET switching a resistor across 5 V (hardware/README.md, "Power budget").
    /// </summary>
    /// <remarks>
    /// What the board can tell: VBUS present and a host that configured the device is a computer's
    /// port. VBUS without a host is a charger, a power bank, or a computer that has not enumerated
    /// the device (yet): the board has no charger-detection circuit (BC1.2 or Apple dividers) to
    /// tell them apart, so that is <see cref="PowerSourceKind.Unknown"/>, as is no VBUS at all.
    /// The load's GPIO (12 on the reference board) is a strapping pin (MTDI, flash voltage): the
    /// board's pull-down holds it low through reset, and it is opened low here.
    /// </remarks>
    public sealed class Esp32PowerSupply : IPowerSupply, IDisposable
    {
        private readonly IUsbLink _usb;
        private readonly GpioPin _load;
        private bool _loadOn;

        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="usb">The USB lines the source is judged from.</param>
        /// <param name="keepAliveLoadPin">GPIO of the load switch (high = load on).</param>
        public Esp32PowerSupply(GpioController controller, IUsbLink usb, int keepAliveLoadPin)
        {
            _usb = usb;
            _load = controller.OpenPin(keepAliveLoadPin, PinMode.Output);
            _load.Write(PinValue.Low);
        }

        public PowerSourceKind Source
        {
            get
            {
                if (!_usb.VbusPresent)
                {
                    return PowerSourceKind.Unknown;
                }

                return _usb.HostConfigured ? PowerSourceKind.ComputerPort : PowerSourceKind.Unknown;
            }
        }

        public bool KeepAliveLoadOn
        {
            get { return _loadOn; }
        }

        public void SetKeepAliveLoad(bool on)
        {
            _load.Write(on ? PinValue.High : PinValue.Low);
            _loadOn = on;
        }

        public void Dispose()
        {
            _load.Write(PinValue.Low);
            _load.Dispose();
        }
    }
}
