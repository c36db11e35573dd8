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

        public void Add(double value)
        {
            if (value > _current)
            {
                _current = value;
            }

            if (++_inBlock < _blockLength)
            {
                return;
            }

            _blockMax[_block] = _current;
            _block = (_block + 1) % _blockMax.Length;
            _inBlock = 0;
            _current = 0;
            double max = 0;
            for (int age = _skipRecent; age < _blockMax.Length; age++)
            {
                // age 0 is the block just completed
                int index = (_block - 1 - age + 2 * _blockMax.Length) % _blockMax.Length;
                if (_blockMax[index] > max)
                {
                    max = _blockMax[index];
                }
            }

            _completedMax = max;
        }
    }
}
