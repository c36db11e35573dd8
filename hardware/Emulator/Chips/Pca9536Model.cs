using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// NXP PCA9536, a 4-bit I2C GPIO expander (address 0x41, fixed), as the reference board uses it
    /// for the switches the ESP32 has no pins left for: P0 the 48 V phantom power enable, P1/P2 the
    /// instrument (Hi-Z) input select of input 1 and 2. Registers (datasheet, "Register
    /// descriptions"): 0 input port (read-only), 1 output port (reset 0xFF), 2 polarity inversion
    /// (reset 0x00), 3 configuration (reset 0xFF: every pin an input). A write is the register
    /// pointer then one data byte; a read returns the register at the pointer. A pin configured as
    /// an input floats: the board's pull-downs hold it low (phantom off at power-up).
    /// </summary>
    public sealed class Pca9536Model : I2cChipModel
    {
        public const int DefaultAddress = 0x41;

        public const int RegInput = 0;
        public const int RegOutput = 1;
        public const int RegPolarity = 2;
        public const int RegConfiguration = 3;

        private readonly int[] _registers = new int[4];
        private int _pointer;

        public Pca9536Model(int address)
            : base("PCA9536", address)
        {
            ResetToDefaults();
        }

        /// <summary>The level pin <paramref name="pin"/> (0–3) is at: driven where configured as an output, else pulled low.</summary>
        public bool PinHigh(int pin)
        {
            int mask = 1 << pin;
            return Powered && (_registers[RegConfiguration] & mask) == 0 && (_registers[RegOutput] & mask) != 0;
        }

        public int Register(int index)
        {
            return _registers[index];
        }

        public override void ResetToDefaults()
        {
            _registers[RegInput] = 0x00;
            _registers[RegOutput] = 0xFF;
            _registers[RegPolarity] = 0x00;
            _registers[RegConfiguration] = 0xFF;
            _pointer = 0;
        }

        protected override I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs)
        {
            if (count < 1 || count > 2 || (data[offset] & 0xFF) > RegConfiguration)
            {
                ReportProtocolError("PCA9536: a write of " + count.ToString() + " bytes to register " + (count > 0 ? data[offset].ToString() : "?"));
                return count < 1 ? I2cStatus.Ok : I2cStatus.DataNotAcknowledged;
            }

            _pointer = data[offset];
            if (count == 2)
            {
                int value = data[offset + 1] & 0x0F;
                if (_pointer == RegInput)
                {
                    ReportProtocolError("PCA9536: a write to the read-only input port");
                    return I2cStatus.Ok;
                }

                if ((_registers[_pointer] & 0x0F) == value)
                {
                    CountRedundantWrite();
                }

                _registers[_pointer] = (_registers[_pointer] & 0xF0) | value;
            }

            return I2cStatus.Ok;
        }

        protected override I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs)
        {
            for (int i = 0; i < count; i++)
            {
                int value = _registers[_pointer];
                if (_pointer == RegInput)
                {
                    value = 0;
                    for (int pin = 0; pin < 4; pin++)
                    {
                        value |= PinHigh(pin) ? 1 << pin : 0;
                    }

                    value ^= _registers[RegPolarity] & 0x0F;
                }

                buffer[offset + i] = (byte)value;
            }

            return I2cStatus.Ok;
        }
    }
}
