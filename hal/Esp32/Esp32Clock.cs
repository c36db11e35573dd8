using System;
using System.Threading;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// Time since boot and the control loop's tick on the device: a <see cref="Timer"/> calls the
    /// tick every period. Time comes from the system clock's ticks, never going backwards.
    /// </summary>
    /// <remarks>
    /// A timer rather than a thread of our own that sleeps between ticks. nanoFramework's timer
    /// (nf-interpreter src/CLR/Core/CLR_RT_HeapBlock_Timer.cpp) reschedules a periodic timer from
    /// its last due time plus the period, skipping whole periods when it has fallen behind, and
    /// ignores its expiry while its callback still runs: the period holds without drift and a late
    /// tick is dropped, not queued. A sleeping loop would add each tick's own run time to the
    /// period and keep a thread alive for nothing in between. The one-shots are timers too.
    /// The callback runs on a thread the engine spawns for it, so the tick is still guarded
    /// against re-entry here, and the tick and the one-shots take one lock: the firmware never
    /// runs on two threads at once. GPIO edges arrive on the GPIO event thread; the firmware
    /// queues them under its own lock.
    /// </remarks>
    public sealed class Esp32Clock : IClock
    {
        private readonly long _startTicks;
        private readonly object _lock = new object();
        private readonly object _callbackLock = new object();
        private long _lastMs;
        private Timer _timer;
        private ClockHandler _tick;
        private int _inTick;

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
            if (tick == null || Interlocked.CompareExchange(ref _inTick, 1, 0) != 0)
            {
                return;
            }

            try
            {
                lock (_callbackLock)
                {
                    tick(NowMs);
                }
            }
            finally
            {
                _inTick = 0;
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

                lock (_clock._callbackLock)
                {
                    if (!Pending)
                    {
                        return; // cancelled while the tick held the lock
                    }

                    Pending = false;
                    _handler(_clock.NowMs);
                }
            }
        }
    }
}
