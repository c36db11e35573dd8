using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// How one chip's registers travel over I2C, with bounded retries: a NACK or a bus error is
    /// retried <see cref="Attempts"/> times in all, then reported. Never throws for a bus error.
    /// </summary>
    public abstract class RegisterPort
    {
        /// <summary>Transactions tried per register access before giving up.</summary>
        public const int Attempts = 3;

        protected RegisterPort(II2cBus bus, int address)
        {
            BusLine = bus;
            Target = address;
        }

        public II2cBus Bus
        {
            get { return BusLine; }
        }

        public int Address
        {
            get { return Target; }
        }

        /// <summary>The bus and the chip's address, as fields: a register write reads them without a call.</summary>
        protected readonly II2cBus BusLine;

        protected readonly int Target;

        /// <summary>Failed transactions (each retry counts) since the driver started.</summary>
        public int FailedTransactions { get; private set; }

        /// <summary>The status of the last transaction.</summary>
        public I2cStatus LastStatus
        {
            get { return _lastStatus; }
        }

        private I2cStatus _lastStatus;

        /// <summary>Writes one register; false after <see cref="Attempts"/> failed transactions.</summary>
        public bool Write(int register, int value)
        {
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                I2cStatus status = WriteOnce(register, value);
                _lastStatus = status;
                if (status == I2cStatus.Ok)
                {
                    return true;
                }

                FailedTransactions++;
            }

            return false;
        }

        /// <summary>False for a write-only chip: <see cref="Read"/> then fails at once, without bus traffic.</summary>
        public virtual bool Readable
        {
            get { return true; }
        }

        /// <summary>True for a readable chip whose register pointer increments (<see cref="ReadBlock"/>); false: that fails at once, without bus traffic.</summary>
        public virtual bool ReadsBlocks
        {
            get { return false; }
        }

        /// <summary>Reads one register into <paramref name="value"/>; false after <see cref="Attempts"/> failures.</summary>
        public bool Read(int register, out int value)
        {
            value = 0;
            if (!Readable)
            {
                return false;
            }

            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                _lastStatus = ReadOnce(register, out value);
                if (_lastStatus == I2cStatus.Ok)
                {
                    return true;
                }

                FailedTransactions++;
            }

            return false;
        }

        /// <summary>
        /// Reads <paramref name="count"/> registers from <paramref name="firstRegister"/> on in one
        /// transaction (a chip whose register pointer increments: one address phase instead of
        /// one a register), with retries; false if the chip did not answer or cannot do so.
        /// </summary>
        public bool ReadBlock(int firstRegister, byte[] values, int count)
        {
            if (!ReadsBlocks)
            {
                return false;
            }

            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                _lastStatus = ReadBlockOnce(firstRegister, values, count);
                if (_lastStatus == I2cStatus.Ok)
                {
                    return true;
                }

                FailedTransactions++;
            }

            return false;
        }

        protected abstract I2cStatus WriteOnce(int register, int value);

        /// <summary>One block read; only ports that say <see cref="ReadsBlocks"/> are asked.</summary>
        protected virtual I2cStatus ReadBlockOnce(int firstRegister, byte[] values, int count)
        {
            return I2cStatus.UnknownError;
        }

        protected abstract I2cStatus ReadOnce(int register, out int value);
    }

    /// <summary>8-bit register address, 8-bit data (ES8388, TPA6130A2): [register, value] writes, pointer-then-read reads.</summary>
    public sealed class ByteRegisterPort : RegisterPort
    {
        private readonly byte[] _frame = new byte[2];
        private readonly byte[] _value = new byte[1];
        private readonly bool _readsBlocks;

        public ByteRegisterPort(II2cBus bus, int address)
            : this(bus, address, false)
        {
        }

        /// <param name="readsBlocks">The chip's register pointer increments on reads (its datasheet says so): <see cref="RegisterPort.ReadBlock"/> works.</param>
        public ByteRegisterPort(II2cBus bus, int address, bool readsBlocks)
            : base(bus, address)
        {
            _readsBlocks = readsBlocks;
        }

        protected override I2cStatus WriteOnce(int register, int value)
        {
            _frame[0] = (byte)register;
            _frame[1] = (byte)value;
            return BusLine.Write(Target, _frame, 0, 2);
        }

        protected override I2cStatus ReadOnce(int register, out int value)
        {
            _frame[0] = (byte)register;
            I2cStatus status = BusLine.WriteRead(Target, _frame, 0, 1, _value, 0, 1);
            value = _value[0];
            return status;
        }

        public override bool ReadsBlocks
        {
            get { return _readsBlocks; }
        }

        protected override I2cStatus ReadBlockOnce(int firstRegister, byte[] values, int count)
        {
            _frame[0] = (byte)firstRegister;
            return BusLine.WriteRead(Target, _frame, 0, 1, values, 0, count);
        }
    }

    /// <summary>
    /// 16-bit register address, 16-bit data, both big-endian (SGTL5000): [address high, address
    /// low, value high, value low] writes, address-then-read reads of two bytes.
    /// </summary>
    public sealed class WordRegisterPort : RegisterPort
    {
        private readonly byte[] _frame = new byte[4];
        private readonly byte[] _value = new byte[2];

        public WordRegisterPort(II2cBus bus, int address)
            : base(bus, address)
        {
        }

        protected override I2cStatus WriteOnce(int register, int value)
        {
            _frame[0] = (byte)(register >> 8);
            _frame[1] = (byte)register;
            _frame[2] = (byte)(value >> 8);
            _frame[3] = (byte)value;
            return BusLine.Write(Target, _frame, 0, 4);
        }

        protected override I2cStatus ReadOnce(int register, out int value)
        {
            _frame[0] = (byte)(register >> 8);
            _frame[1] = (byte)register;
            I2cStatus status = BusLine.WriteRead(Target, _frame, 0, 2, _value, 0, 2);
            value = (_value[0] << 8) | _value[1];
            return status;
        }
    }
}
