using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Expander
{
    /// <summary>
    /// NXP PCA9536 4-bit I2C GPIO expander (address 0x41): the reference board's switches for
    /// which the ESP32 has no pins left (48 V phantom power, the inputs' Hi-Z selects). Registers
    /// (PCA9536 datasheet, "Register descriptions"): 1 output port, 3 configuration (0 = output).
    /// The driver keeps the output byte and writes it only when it changes; a failed write is
    /// retried twice, then the expander is reported failed (the pins keep their last level).
    /// </summary>
    public sealed class Pca9536Expander
    {
        public const int DefaultAddress = 0x41;

        private const int RegOutput = 1;
        private const int RegConfiguration = 3;
        private const int Attempts = 3;
        private const string Source = "expander";

        private readonly II2cBus _bus;
        private readonly int _address;
        private readonly ILog _log;
        private readonly byte[] _frame = new byte[2];
        private int _outputs = -1;
        private bool _failedLogged;

        public Pca9536Expander(II2cBus bus, int address, ILog log)
        {
            _bus = bus;
            _address = address;
            _log = log;
        }

        public DriverStatus Status { get; private set; }

        /// <summary>Drives every pin low, then makes pins 0–2 outputs (pin 3 stays an input).</summary>
        public DriverStatus Start()
        {
            Status = DriverStatus.Ok;
            _outputs = -1;
            if (WriteOutputs(0) && Write(RegConfiguration, 0x08))
            {
                return Status;
            }

            return Status;
        }

        /// <summary>The level of output <paramref name="pin"/> (0–2).</summary>
        public bool Pin(int pin)
        {
            return _outputs >= 0 && (_outputs & (1 << pin)) != 0;
        }

        public DriverStatus SetPin(int pin, bool high)
        {
            int outputs = _outputs < 0 ? 0 : _outputs;
            outputs = high ? outputs | (1 << pin) : outputs & ~(1 << pin);
            if (outputs != _outputs)
            {
                WriteOutputs(outputs);
            }

            return Status;
        }

        private bool WriteOutputs(int outputs)
        {
            if (!Write(RegOutput, outputs))
            {
                return false;
            }

            _outputs = outputs;
            return true;
        }

        private bool Write(int register, int value)
        {
            _frame[0] = (byte)register;
            _frame[1] = (byte)value;
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                if (_bus.Write(_address, _frame, 0, 2) == I2cStatus.Ok)
                {
                    Status = DriverStatus.Ok;
                    _failedLogged = false;
                    return true;
                }
            }

            Status = DriverStatus.BusFault;
            if (!_failedLogged && _log != null)
            {
                _failedLogged = true;
                _log.Write(LogLevel.Error, Source, "PCA9536 does not answer after " + Attempts.ToString() + " attempts");
            }

            return false;
        }
    }
}
