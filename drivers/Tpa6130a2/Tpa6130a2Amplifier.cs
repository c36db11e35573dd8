using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Tpa6130a2
{
    /// <summary>TI TPA6130A2 headphone amplifier on I2C (address 0x60, readable registers).</summary>
    public sealed class Tpa6130a2Amplifier
    {
        public const int DefaultAddress = 0x60;
        private const int RegVersion = 4;
        private const int RevisionMask = 0x0F;

        private readonly II2cBus _bus;
        private readonly int _address;
        private readonly byte[] _pointer = new byte[1];
        private readonly byte[] _value = new byte[1];

        public Tpa6130a2Amplifier(II2cBus bus, int address)
        {
            _bus = bus;
            _address = address;
        }

        /// <summary>
        /// Reads the revision field of the version register. Returns the revision (1 or 2 for a
        /// TPA6130A2), or -1 when the chip does not answer.
        /// </summary>
        public int ReadRevision()
        {
            _pointer[0] = RegVersion;
            I2cStatus status = _bus.WriteRead(_address, _pointer, 0, 1, _value, 0, 1);
            return status == I2cStatus.Ok ? _value[0] & RevisionMask : -1;
        }
    }
}
