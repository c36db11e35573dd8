namespace InterfaceFirmware.Drivers
{
    /// <summary>
    /// The driver's copy of a chip's registers: for each register, the value the driver wants and
    /// the value the chip holds as far as the driver knows (what it last wrote, read, or the reset
    /// value after a reset). A register is dirty when the two differ, so a write that would change
    /// nothing never reaches the bus, even when a value is changed and changed back before it was
    /// written. For a write-only chip it is the only record of the chip's state; after a reset or
    /// a brown-out exactly the registers the driver had moved away from their defaults are dirty.
    /// </summary>
    public sealed class RegisterCache
    {
        private readonly int[] _resetValues;
        private readonly int[] _values;
        private readonly int[] _chipValues;
        private readonly int[] _latchMasks;

        /// <param name="resetValues">The chip's power-on value of every register (copied).</param>
        public RegisterCache(int[] resetValues)
        {
            _resetValues = new int[resetValues.Length];
            _values = new int[resetValues.Length];
            _chipValues = new int[resetValues.Length];
            _latchMasks = new int[resetValues.Length];
            System.Array.Copy(resetValues, _resetValues, resetValues.Length);
            System.Array.Copy(resetValues, _values, resetValues.Length);
            System.Array.Copy(resetValues, _chipValues, resetValues.Length);
        }

        public int Count
        {
            get { return _values.Length; }
        }

        /// <summary>True while the chip has no power: changes stay in the cache until it is back and flushed.</summary>
        public bool CacheOnly { get; set; }

        /// <summary>The value the driver wants in <paramref name="register"/>.</summary>
        public int Get(int register)
        {
            return _values[register];
        }

        public int ResetValue(int register)
        {
            return _resetValues[register];
        }

        /// <summary>What the chip holds, as far as the driver knows.</summary>
        public int ChipValue(int register)
        {
            return _chipValues[register];
        }

        /// <summary>
        /// Declares an update-latch bit (WM8960 VU): a strobe, not state. It never makes the register
        /// dirty by itself, and a flush writes the register with it set, so a value restored on its
        /// own is applied rather than left in the chip's holding latch.
        /// </summary>
        public void SetLatch(int register, int mask)
        {
            _latchMasks[register] = mask;
        }

        public int LatchMask(int register)
        {
            return _latchMasks[register];
        }

        /// <summary>Sets the value the driver wants; dirty if the chip holds something else.</summary>
        public void Set(int register, int value)
        {
            _values[register] = value;
        }

        /// <summary>
        /// Sets the value the driver wants and says whether it must go to the chip now: dirty and
        /// not <see cref="CacheOnly"/> (the register write path's one call into the cache before the bus).
        /// </summary>
        public bool SetAndCheck(int register, int value)
        {
            _values[register] = value;
            return !CacheOnly && ((value ^ _chipValues[register]) & ~_latchMasks[register]) != 0;
        }

        /// <summary>Changes the bits under <paramref name="mask"/> to <paramref name="bits"/>.</summary>
        public void Update(int register, int mask, int bits)
        {
            Set(register, (_values[register] & ~mask) | (bits & mask));
        }

        public bool IsDirty(int register)
        {
            return ((_values[register] ^ _chipValues[register]) & ~_latchMasks[register]) != 0;
        }

        /// <summary>Records that the chip now holds the wanted value (after a successful write).</summary>
        public void MarkWritten(int register)
        {
            _chipValues[register] = _values[register];
        }

        /// <summary>Records that the chip holds <paramref name="value"/> (learnt by reading it back).</summary>
        public void MarkChipHolds(int register, int value)
        {
            _chipValues[register] = value;
        }

        /// <summary>
        /// Forgets what the chip holds in <paramref name="register"/> (a chip without a reset may
        /// hold anything): the register is dirty until it is written, whatever value is wanted.
        /// </summary>
        public void MarkUnknown(int register)
        {
            _chipValues[register] = -1; // no register value is -1: never equal to a wanted value
        }

        /// <summary>
        /// The chip went back to its reset values (reset, power-on, brown-out): every register the
        /// driver wants different from its default is dirty; the others are not.
        /// </summary>
        public void ChipWasReset()
        {
            System.Array.Copy(_resetValues, _chipValues, _chipValues.Length);
        }

        /// <summary>
        /// After <see cref="ChipWasReset"/>: puts one register's wanted value back to its reset value
        /// too, for registers a sequence brings up again (power, clock selection) rather than a flush.
        /// </summary>
        public void RestoreResetValue(int register)
        {
            _values[register] = _resetValues[register];
            _chipValues[register] = _resetValues[register];
        }

        /// <summary>Forgets the driver's settings: the cache and the chip both at the reset values, nothing dirty.</summary>
        public void RestoreResetValues()
        {
            System.Array.Copy(_resetValues, _values, _values.Length);
            System.Array.Copy(_resetValues, _chipValues, _chipValues.Length);
        }

        /// <summary>The first dirty register at or after <paramref name="from"/>, or -1.</summary>
        public int NextDirty(int from)
        {
            for (int i = from; i < _values.Length; i++)
            {
                if (IsDirty(i))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
