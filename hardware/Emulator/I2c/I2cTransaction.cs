using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>Direction of a logged I2C transaction.</summary>
    public enum I2cOperation
    {
        Write = 0,
        Read = 1,
        WriteRead = 2,
    }

    /// <summary>One transaction as it appeared on the wire.</summary>
    public sealed class I2cTransaction
    {
        public I2cTransaction(long timeUs, string device, int address, I2cOperation operation, byte[] written, byte[] read, I2cStatus status)
        {
            TimeUs = timeUs;
            Device = device;
            Address = address;
            Operation = operation;
            Written = written;
            Read = read;
            Status = status;
        }

        public long TimeUs { get; }

        /// <summary>Name of the chip at the address, or "?" when nothing is attached there.</summary>
        public string Device { get; }

        public int Address { get; }

        public I2cOperation Operation { get; }

        /// <summary>Bytes the controller sent (empty for a read).</summary>
        public byte[] Written { get; }

        /// <summary>Bytes the controller received (empty for a write; zeros after a NACK).</summary>
        public byte[] Read { get; }

        public I2cStatus Status { get; }
    }
}
