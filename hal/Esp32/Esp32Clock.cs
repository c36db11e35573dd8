using System;
using System.Threading;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// Time since boot and the control loop's tick on the device: a <see cref="Timer"/> calls the
    /// tick every period on a timer thread. A tick that runs late is not re-entered: the next one
    /// is skipped while it still runs (the loop's work per tick is bounded, so this is a fault
    /// guard, not a schedule). Time comes from the system clock's ticks, never going backwards.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        private readonly long _startTicks;
        private readonly object _lock = new object();
        private long _lastMs;
        private Timer _timer;
        private ClockHandler _tick;
        private bool _inTick;

        public Esp32Clock()
        {
            _startTicks = DateTime.UtcNow.Ticks;
        }

        public long NowMs
        {
            get
            {
                long ms = (DateTime.UtcNow.Ticks - _startTicks) / TimeSpan.TicksPerMillisecond;
                lock (_lock)
                {
                    if (ms < _lastMs)
                    {
                        ms = _lastMs; // the system clock was set back: time since boot does not follow
                    }

                    _lastMs = ms;
                }

                return ms;
            }
        }

        public void StartTicks(int periodMs, ClockHandler handler)
        {
            StopTicks();
            _tick = handler;
            _timer = new Timer(OnTimer, null, periodMs, periodMs);
        }

        public void StopTicks()
        {
            if (_timer != null)
            {
                _timer.Dispose();
                _timer = null;
            }

            _tick = null;
        }

        public IOneShotTimer CreateOneShot(ClockHandler handler)
        {
            return new OneShot(this, handler);
        }

        private void OnTimer(object state)
        {
            ClockHandler tick = _tick;
            if (tick == null || _inTick)
            {
                return;
            }

            _inTick = true;
            try
            {
                tick(NowMs);
            }
            finally
            {
                _inTick = false;
            }
        }

        private sealed class OneShot : IOneShotTimer
        {
            private readonly Esp32Clock _clock;
            private readonly ClockHandler _handler;
            private readonly Timer _timer;

            public OneShot(Esp32Clock clock, ClockHandler handler)
            {
                _clock = clock;
                _handler = handler;
                _timer = new Timer(OnFire, null, Timeout.Infinite, Timeout.Infinite);
            }

            public bool Pending { get; private set; }

            public void Start(int delayMs)
            {
                Pending = true;
                _timer.Change(delayMs, Timeout.Infinite);
            }

            public void Cancel()
            {
                Pending = false;
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }

            private void OnFire(object state)
            {
                if (!Pending)
                {
                    return;
                }

                Pending = false;
                _handler(_clock.NowMs);
            }
        }
    }
}
