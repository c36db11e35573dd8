using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers.Wm8960
{
    /// <summary>
    /// The WM8960's control interface: write-only, one 16-bit word per transaction, 7-bit register
    /// address and 9-bit data (byte 0 = register·2 + data bit 8, byte 1 = data bits 7…0). The chip
    /// cannot be read: the driver's register cache is the only record of what it holds.
    /// </summary>
    public sealed class Wm8960RegisterPort : RegisterPort
    {
        private readonly byte[] _frame = new byte[2];

        public Wm8960RegisterPort(II2cBus bus, int address)
            : base(bus, address)
        {
        }

        protected override I2cStatus WriteOnce(int register, int value)
        {
            byte[] frame = _frame;
            frame[0] = (byte)((register << 1) | ((value >> 8) & 1));
            frame[1] = (byte)(value & 0xFF);
            return BusLine.Write(Target, frame, 0, 2);
        }

        /// <summary>The chip NACKs reads: <see cref="RegisterPort.Read"/> fails without trying.</summary>
        public override bool Readable
        {
            get { return false; }
        }

        /// <summary>Never called (not <see cref="Readable"/>).</summary>
        protected override I2cStatus ReadOnce(int register, out int value)
        {
            value = 0;
            return I2cStatus.UnknownError;
        }
    }
}
