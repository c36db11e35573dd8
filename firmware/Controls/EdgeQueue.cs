namespace InterfaceFirmware.Firmware.Controls
{
    /// <summary>
    /// Raw GPIO edges on their way from the edge handlers (the GPIO event thread on the device) to
    /// the control loop's tick: a preallocated ring, so a handler never allocates and never touches
    /// a chip. When it is full the newest edge is dropped and counted; the debouncer reads the pin
    /// itself once it is quiet, so a lost edge costs nothing but its time stamp.
    /// </summary>
    public sealed class EdgeQueue
    {
        private readonly int[] _source;
        private readonly bool[] _level;
        private readonly long[] _timeMs;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private int _dropped;

        public EdgeQueue(int capacity)
        {
            _source = new int[capacity];
            _level = new bool[capacity];
            _timeMs = new long[capacity];
        }

        /// <summary>Edges that did not fit since start-up.</summary>
        public int Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Called from an edge handler: records the edge of input <paramref name="source"/>.</summary>
        public void Enqueue(int source, bool level, long timeMs)
        {
            lock (_lock)
            {
                if (_count == _source.Length)
                {
                    _dropped++;
                    return;
                }

                int tail = (_head + _count) % _source.Length;
                _source[tail] = source;
                _level[tail] = level;
                _timeMs[tail] = timeMs;
                _count++;
            }
        }

        /// <summary>Called from the tick: the oldest edge, if any.</summary>
        public bool TryDequeue(out int source, out bool level, out long timeMs)
        {
            if (_count == 0)
            {
                // nothing queued (read without the lock: an edge arriving now is taken next tick)
                source = -1;
                level = false;
                timeMs = 0;
                return false;
            }

            lock (_lock)
            {
                if (_count == 0)
                {
                    source = -1;
                    level = false;
                    timeMs = 0;
                    return false;
                }

                source = _source[_head];
                level = _level[_head];
                timeMs = _timeMs[_head];
                _head = (_head + 1) % _source.Length;
                _count--;
                return true;
            }
        }
    }
}
