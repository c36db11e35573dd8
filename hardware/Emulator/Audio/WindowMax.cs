namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The maximum of the values added over a sliding window of whole sub-blocks of
    /// <c>blockLength</c> samples, in constant time per value. The window can leave out the most
    /// recent blocks, so that a slow rise is compared with what came before it, not with itself.
    /// </summary>
    public sealed class WindowMax
    {
        private readonly double[] _blockMax;
        private readonly int _blockLength;
        private readonly int _skipRecent;
        private int _block;
        private int _inBlock;
        private double _current;
        private double _completedMax;

        /// <param name="blocks">Window length in blocks.</param>
        /// <param name="blockLength">Samples per block.</param>
        public WindowMax(int blocks, int blockLength)
            : this(blocks, blockLength, 0)
        {
        }

        /// <param name="skipRecent">Most recent completed blocks left out of <see cref="Max"/> (the current block is then left out too).</param>
        public WindowMax(int blocks, int blockLength, int skipRecent)
        {
            _blockMax = new double[blocks];
            _blockLength = blockLength;
            _skipRecent = skipRecent;
        }

        /// <summary>The largest value in the window (including the block in progress unless recent blocks are skipped).</summary>
        public double Max
        {
            get { return _skipRecent > 0 || _current <= _completedMax ? _completedMax : _current; }
        }

        /// <summary>True when the block in progress and every completed block hold nothing above 0.</summary>
        public bool IsAllZero
        {
            get
            {
                if (_current != 0)
                {
                    return false;
                }

                for (int k = 0; k < _blockMax.Length; k++)
                {
                    if (_blockMax[k] != 0)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// <see cref="Add"/> of <paramref name="count"/> zeros to a window that holds only zeros
        /// (<see cref="IsAllZero"/>): the blocks move on, every maximum stays 0.
        /// </summary>
        public void AddZeros(int count)
        {
            int samples = _inBlock + count;
            _block = (_block + samples / _blockLength) % _blockMax.Length;
            _inBlock = samples % _blockLength;
        }

        public void Add(double value)
        {
            // small enough for the JIT to inline into the caller's loop; a block completes rarely
            if (value > _current)
            {
                _current = value;
            }

            if (++_inBlock == _blockLength)
            {
                CompleteBlock();
            }
        }

        private void CompleteBlock()
        {
            _blockMax[_block] = _current;
            int length = _blockMax.Length;
            _block = _block + 1 == length ? 0 : _block + 1;
            _inBlock = 0;
            _current = 0;
            double max = 0;
            // age 0 is the block just completed (at _block − 1); ages from _skipRecent on, newest first
            int index = _block - 1 - _skipRecent;
            while (index < 0)
            {
                index += length;
            }

            for (int age = _skipRecent; age < length; age++)
            {
                if (_blockMax[index] > max)
                {
                    max = _blockMax[index];
                }

                index = index == 0 ? length - 1 : index - 1;
            }

            _completedMax = max;
        }
    }
}
