namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// The driver's copy of a chip's registers: what each register holds on the chip (or will hold
    /// once written). For a write-only chip it is the only way to know; for a readable one it saves
    /// bus traffic. It tracks which registers differ from the chip (dirty), so a write that would
    /// change nothing never reaches the bus, and it knows the reset values, so after a reset or a
    /// brown-out exactly the registers the driver had moved away from their defaults are rewritten.
    /// </summary>
    public sealed class RegisterCache
    {
        private readonly int[] _resetValues;
        private readonly int[] _values;
        private readonly bool[] _dirty;

        /// <param name="resetValues">The chip's power-on value of every register (copied).</param>
        public RegisterCache(int[] resetValues)
        {
            _resetValues = new int[resetValues.Length];
            _values = new int[resetValues.Length];
            _dirty = new bool[resetValues.Length];
            System.Array.Copy(resetValues, _resetValues, resetValues.Length);
            System.Array.Copy(resetValues, _values, resetValues.Length);
        }

        public int Count
        {
            get { return _values.Length; }
        }

        /// <summary>True while the chip has no power: changes stay in the cache until <see cref="ChipWasReset"/> and a flush.</summary>
        public bool CacheOnly { get; set; }

        public int Get(int register)
        {
            return _values[register];
        }

        public int ResetValue(int register)
        {
            return _resetValues[register];
        }

        /// <summary>Sets a register's intended value; marks it dirty when that differs from the chip.</summary>
        public void Set(int register, int value)
        {
            if (_values[register] != value)
            {
                _values[register] = value;
                _dirty[register] = true;
            }
        }

        /// <summary>Changes the bits under <paramref name="mask"/> to <paramref name="bits"/>.</summary>
        public void Update(int register, int mask, int bits)
        {
            Set(register, (_values[register] & ~mask) | (bits & mask));
        }

        public bool IsDirty(int register)
        {
            return _dirty[register];
        }

        /// <summary>Records that the chip now holds the cached value (after a successful write).</summary>
        public void MarkWritten(int register)
        {
            _dirty[register] = false;
        }

        /// <summary>Records that the chip holds <paramref name="value"/> (a write that bypassed <see cref="Set"/>, or a read).</summary>
        public void MarkChipHolds(int register, int value)
        {
            _dirty[register] = _values[register] != value;
        }

        /// <summary>
        /// The chip went back to its reset values (reset, power-on, brown-out): every register the
        /// driver wants different from its default is dirty; the others are not (writing them
        /// would change nothing).
        /// </summary>
        public void ChipWasReset()
        {
            for (int i = 0; i < _values.Length; i++)
            {
                _dirty[i] = _values[i] != _resetValues[i];
            }
        }

        /// <summary>
        /// Puts one register back to its reset value in the cache, not dirty: for registers a
        /// sequence brings up again after a reset (power, clock selection) rather than a flush.
        /// </summary>
        public void RestoreResetValue(int register)
        {
            _values[register] = _resetValues[register];
            _dirty[register] = false;
        }

        /// <summary>Forgets the driver's settings: the cache holds the reset values again, nothing dirty.</summary>
        public void RestoreResetValues()
        {
            System.Array.Copy(_resetValues, _values, _values.Length);
            System.Array.Clear(_dirty, 0, _dirty.Length);
        }

        /// <summary>The first dirty register at or after <paramref name="from"/>, or -1.</summary>
        public int NextDirty(int from)
        {
            for (int i = from; i < _values.Length; i++)
            {
                if (_dirty[i])
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
