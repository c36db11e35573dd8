using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A chip on the virtual I2C bus. Subclasses model the register protocol; this base keeps what
    /// every chip shares: its address, whether it is powered, and the counters tests assert on
    /// (writes that changed nothing, protocol violations).
    /// </summary>
    public abstract class I2cChipModel
    {
        private readonly ArrayList _protocolErrors = new ArrayList();

        protected I2cChipModel(string name, int address)
        {
            Name = name;
            Address = address;
            Powered = true;
        }

        /// <summary>Short name for logs (e.g. "WM8960").</summary>
        public string Name { get; }

        /// <summary>7-bit I2C address.</summary>
        public int Address { get; }

        /// <summary>
        /// False while the chip has no supply (or is held in hardware shutdown): it acknowledges
        /// nothing, and its registers are back at their reset values when power returns.
        /// </summary>
        public bool Powered { get; private set; }

        /// <summary>Writes that reached the chip but changed no register and triggered nothing.</summary>
        public int RedundantWrites { get; private set; }

        /// <summary>Number of write transactions the chip accepted.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Frames the chip could not make sense of (wrong length, read-only register, …), as text.</summary>
        public ArrayList ProtocolErrors
        {
            get { return _protocolErrors; }
        }

        /// <summary>Removes power (false) or restores it (true, which is a power-on reset).</summary>
        public void SetPowered(bool powered)
        {
            if (powered && !Powered)
            {
                ResetToDefaults();
            }

            bool changed = powered != Powered;
            Powered = powered;
            if (changed)
            {
                OnPowerChanged(powered);
            }
        }

        /// <summary>Lets a model drop analogue state (charged capacitors) when its supply goes away.</summary>
        protected virtual void OnPowerChanged(bool powered)
        {
        }

        /// <summary>A brown-out: the supply dipped long enough for the chip to reset, and came back.</summary>
        public void BrownOut()
        {
            ResetToDefaults();
        }

        /// <summary>Handles a write transaction addressed to this chip (already powered and acknowledged).</summary>
        public I2cStatus HandleWrite(byte[] data, int offset, int count, long nowUs)
        {
            I2cStatus status = OnWrite(data, offset, count, nowUs);
            if (status == I2cStatus.Ok)
            {
                WriteCount++;
            }

            return status;
        }

        /// <summary>Handles a read transaction addressed to this chip.</summary>
        public I2cStatus HandleRead(byte[] buffer, int offset, int count, long nowUs)
        {
            return OnRead(buffer, offset, count, nowUs);
        }

        /// <summary>Handles a write, repeated start, read transaction.</summary>
        public I2cStatus HandleWriteRead(byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount, long nowUs)
        {
            I2cStatus status = OnWriteForRead(writeBuffer, writeOffset, writeCount, nowUs);
            if (status != I2cStatus.Ok)
            {
                return status;
            }

            return OnRead(readBuffer, readOffset, readCount, nowUs);
        }

        /// <summary>Puts every register back to its power-on value.</summary>
        public abstract void ResetToDefaults();

        protected abstract I2cStatus OnWrite(byte[] data, int offset, int count, long nowUs);

        protected abstract I2cStatus OnRead(byte[] buffer, int offset, int count, long nowUs);

        /// <summary>The write half of a write-read: by default it only sets the register pointer.</summary>
        protected virtual I2cStatus OnWriteForRead(byte[] data, int offset, int count, long nowUs)
        {
            return OnWrite(data, offset, count, nowUs);
        }

        protected void CountRedundantWrite()
        {
            RedundantWrites++;
        }

        protected void ReportProtocolError(string description)
        {
            _protocolErrors.Add(description);
        }
    }
}
