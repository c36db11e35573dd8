using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A digital output pin of the emulated board (LED, shutdown line, keep-alive switch, clock
    /// select). Records what the firmware did with it, stamped with virtual time.
    /// </summary>
    public sealed class VirtualDigitalOutput : IDigitalOutput
    {
        private readonly VirtualClock _clock;
        private readonly int _pin;
        private bool _level;
        private int _writeCount;
        private int _transitionCount;
        private long _lastChangeUs = -1;

        public VirtualDigitalOutput(VirtualClock clock, int pin, bool initialLevel)
        {
            _clock = clock;
            _pin = pin;
            _level = initialLevel;
        }

        public int Pin
        {
            get { return _pin; }
        }

        public bool Level
        {
            get { return _level; }
        }

        /// <summary>Calls to <see cref="Write"/>, including ones that did not change the level.</summary>
        public int WriteCount
        {
            get { return _writeCount; }
        }

        /// <summary>Level changes.</summary>
        public int TransitionCount
        {
            get { return _transitionCount; }
        }

        /// <summary>Virtual time (µs) of the last level change; -1 if the level never changed.</summary>
        public long LastChangeUs
        {
            get { return _lastChangeUs; }
        }

        public void Write(bool level)
        {
            _writeCount++;
            if (level == _level)
            {
                return;
            }

            _level = level;
            _transitionCount++;
            _lastChangeUs = _clock.NowUs;
        }
    }
}
