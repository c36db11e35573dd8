namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// A chip's registers as a driver uses them: the <see cref="RegisterCache"/> in front of the
    /// <see cref="RegisterPort"/>. Every change goes to the cache first and reaches the bus only if
    /// it changes the chip (so no write is ever redundant) and the chip is powered (while it is not,
    /// changes wait in the cache for <see cref="Flush"/>). A failed write stays dirty, to be retried.
    /// </summary>
    public sealed class RegisterBank
    {
        private readonly RegisterCache _cache;
        private readonly RegisterPort _port;

        public RegisterBank(RegisterPort port, int[] resetValues)
        {
            _port = port;
            _cache = new RegisterCache(resetValues);
        }

        public RegisterCache Cache
        {
            get { return _cache; }
        }

        public RegisterPort Port
        {
            get { return _port; }
        }

        /// <summary>While true, changes stay in the cache (the chip is unpowered or in shutdown).</summary>
        public bool CacheOnly
        {
            get { return _cache.CacheOnly; }
            set { _cache.CacheOnly = value; }
        }

        /// <summary>The value the driver wants in <paramref name="register"/> (the chip's, unless dirty).</summary>
        public int Get(int register)
        {
            return _cache.Get(register);
        }

        /// <summary>Sets the whole register. False if the chip did not take it (the bus failed).</summary>
        public bool Write(int register, int value)
        {
            if (!_cache.SetAndCheck(register, value))
            {
                return true; // the chip holds it already, or is unpowered: nothing on the bus
            }

            if (!_port.Write(register, value))
            {
                return false;
            }

            _cache.MarkWritten(register);
            return true;
        }

        /// <summary>Sets the bits under <paramref name="mask"/>. False if the bus failed.</summary>
        public bool Update(int register, int mask, int bits)
        {
            _cache.Update(register, mask, bits);
            return Sync(register);
        }

        /// <summary>Writes the register if the chip does not hold the cached value yet (and is powered).</summary>
        public bool Sync(int register)
        {
            if (_cache.CacheOnly || !_cache.IsDirty(register))
            {
                return true;
            }

            if (!_port.Write(register, _cache.Get(register)))
            {
                return false;
            }

            _cache.MarkWritten(register);
            return true;
        }

        /// <summary>
        /// Sets a left/right register pair that shares an update latch (WM8960 VU): values are
        /// given without <paramref name="latchBit"/>. Both changed: left is stored with the latch
        /// clear, then right with it set, so both channels change together (2 writes). One changed:
        /// that register alone, latch set (1 write). Neither: nothing. With
        /// <paramref name="latchBit"/> 0 the pair is two plain registers.
        /// </summary>
        public bool WritePair(int left, int right, int leftValue, int rightValue, int latchBit)
        {
            bool leftChanged = (_cache.Get(left) & ~latchBit) != leftValue;
            bool rightChanged = (_cache.Get(right) & ~latchBit) != rightValue;
            if (leftChanged && rightChanged)
            {
                return Write(left, leftValue) && Write(right, rightValue | latchBit);
            }

            if (leftChanged)
            {
                return Write(left, leftValue | latchBit);
            }

            if (rightChanged)
            {
                return Write(right, rightValue | latchBit);
            }

            return true;
        }

        /// <summary>
        /// Writes dirty registers, lowest first, at most <paramref name="maxWrites"/> of them, each
        /// with its update latch set (<see cref="RegisterCache.SetLatch"/>), so every restored value
        /// is applied (a flush restores a chip whose outputs are not live: the two sides of a pair
        /// land a transaction apart). Returns the number still dirty afterwards (0: the chip holds
        /// the cache), or -1 if the bus failed.
        /// </summary>
        public int Flush(int maxWrites)
        {
            if (_cache.CacheOnly)
            {
                return CountDirty();
            }

            int register = _cache.NextDirty(0);
            int writes = 0;
            while (register >= 0 && writes < maxWrites)
            {
                if (!_port.Write(register, _cache.Get(register) | _cache.LatchMask(register)))
                {
                    return -1;
                }

                _cache.MarkWritten(register);

                writes++;
                register = _cache.NextDirty(register + 1);
            }

            return CountDirty();
        }

        /// <summary>Reads the chip itself (readable chips only: status bits, reset detection).</summary>
        public bool ReadChip(int register, out int value)
        {
            return _port.Read(register, out value);
        }

        /// <summary>What the chip holds in <paramref name="count"/> registers from <paramref name="firstRegister"/> on, read in one transaction (<see cref="RegisterPort.ReadBlock"/>).</summary>
        public bool ReadChipBlock(int firstRegister, byte[] values, int count)
        {
            return _port.ReadBlock(firstRegister, values, count);
        }

        private int CountDirty()
        {
            int count = 0;
            int register = _cache.NextDirty(0);
            while (register >= 0)
            {
                count++;
                register = _cache.NextDirty(register + 1);
            }

            return count;
        }
    }
}
