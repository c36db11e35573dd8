using System;
using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>Something the emulated world does at a given moment (a contact bouncing, a host enumerating).</summary>
    public delegate void TimedAction(long nowUs);

    /// <summary>
    /// Deterministic virtual time (µs resolution) behind the firmware's <see cref="IClock"/>.
    /// Time only moves in <see cref="AdvanceUs"/>: listeners catch up first, then everything due at
    /// that moment runs: the firmware's tick, its one-shot timers (in creation order), then the
    /// emulated world's scheduled actions (in scheduling order). No wall clock, no sleeping: an hour
    /// of device time takes as long as the work in it.
    /// </summary>
    public sealed class VirtualClock : IClock
    {
        private readonly ArrayList _listeners = new ArrayList();
        private readonly ArrayList _timers = new ArrayList();
        private readonly ArrayList _scheduled = new ArrayList();
        private long _scheduleSequence;
        private long _nowUs;
        private ClockHandler _tickHandler;
        private long _tickPeriodUs;
        private long _nextTickUs = long.MaxValue;

        public long NowUs
        {
            get { return _nowUs; }
        }

        public long NowMs
        {
            get { return _nowUs / 1000; }
        }

        /// <summary>The tick period in ms, 0 when no tick runs.</summary>
        public int TickPeriodMs
        {
            get { return (int)(_tickPeriodUs / 1000); }
        }

        public void AddListener(ITimeListener listener)
        {
            _listeners.Add(listener);
        }

        public void StartTicks(int periodMs, ClockHandler handler)
        {
            if (periodMs <= 0)
            {
                throw new ArgumentOutOfRangeException("periodMs");
            }

            _tickHandler = handler;
            _tickPeriodUs = periodMs * 1000L;
            _nextTickUs = _nowUs + _tickPeriodUs;
        }

        public void StopTicks()
        {
            _tickHandler = null;
            _tickPeriodUs = 0;
            _nextTickUs = long.MaxValue;
        }

        /// <summary>
        /// Schedules something the emulated world does at <paramref name="atUs"/> (not earlier than now).
        /// It runs after the firmware's tick and timers due at the same moment, in scheduling order.
        /// </summary>
        public void Schedule(long atUs, TimedAction action)
        {
            _scheduled.Add(new ScheduledAction(atUs < _nowUs ? _nowUs : atUs, _scheduleSequence++, action));
        }

        public IOneShotTimer CreateOneShot(ClockHandler handler)
        {
            var timer = new VirtualOneShotTimer(this, handler);
            _timers.Add(timer);
            return timer;
        }

        public void AdvanceMs(long milliseconds)
        {
            AdvanceUs(milliseconds * 1000);
        }

        /// <summary>Moves time forward by <paramref name="durationUs"/>, firing everything that falls due on the way.</summary>
        public void AdvanceUs(long durationUs)
        {
            if (durationUs < 0)
            {
                throw new ArgumentOutOfRangeException("durationUs");
            }

            long targetUs = _nowUs + durationUs;
            while (true)
            {
                long dueUs = NextDueUs();
                if (dueUs > targetUs)
                {
                    break;
                }

                MoveTo(dueUs);
                FireDue();
            }

            MoveTo(targetUs);
        }

        private long NextDueUs()
        {
            long due = _nextTickUs;
            for (int i = 0; i < _scheduled.Count; i++)
            {
                var scheduled = (ScheduledAction)_scheduled[i];
                if (scheduled.AtUs < due)
                {
                    due = scheduled.AtUs;
                }
            }

            for (int i = 0; i < _timers.Count; i++)
            {
                var timer = (VirtualOneShotTimer)_timers[i];
                if (timer.Pending && timer.DueUs < due)
                {
                    due = timer.DueUs;
                }
            }

            return due;
        }

        private void MoveTo(long timeUs)
        {
            if (timeUs <= _nowUs)
            {
                return;
            }

            for (int i = 0; i < _listeners.Count; i++)
            {
                ((ITimeListener)_listeners[i]).AdvanceTo(_nowUs, timeUs);
            }

            _nowUs = timeUs;
        }

        private void FireDue()
        {
            if (_nextTickUs <= _nowUs && _tickHandler != null)
            {
                _nextTickUs += _tickPeriodUs;
                _tickHandler(NowMs);
            }

            for (int i = 0; i < _timers.Count; i++)
            {
                var timer = (VirtualOneShotTimer)_timers[i];
                if (timer.Pending && timer.DueUs <= _nowUs)
                {
                    timer.Fire(NowMs);
                }
            }

            // the world's own actions, earliest first; ones scheduled now for now run in this pass too
            while (true)
            {
                ScheduledAction next = null;
                for (int i = 0; i < _scheduled.Count; i++)
                {
                    var scheduled = (ScheduledAction)_scheduled[i];
                    if (scheduled.AtUs <= _nowUs && (next == null || scheduled.Sequence < next.Sequence))
                    {
                        next = scheduled;
                    }
                }

                if (next == null)
                {
                    break;
                }

                _scheduled.Remove(next);
                next.Action(_nowUs);
            }
        }

        private sealed class ScheduledAction
        {
            public ScheduledAction(long atUs, long sequence, TimedAction action)
            {
                AtUs = atUs;
                Sequence = sequence;
                Action = action;
            }

            public long AtUs { get; }

            public long Sequence { get; }

            public TimedAction Action { get; }
        }

        private sealed class VirtualOneShotTimer : IOneShotTimer
        {
            private readonly VirtualClock _clock;
            private readonly ClockHandler _handler;

            public VirtualOneShotTimer(VirtualClock clock, ClockHandler handler)
            {
                _clock = clock;
                _handler = handler;
            }

            public bool Pending { get; private set; }

            public long DueUs { get; private set; }

            public void Start(int delayMs)
            {
                DueUs = _clock._nowUs + Math.Max(0, delayMs) * 1000L;
                Pending = true;
            }

            public void Cancel()
            {
                Pending = false;
            }

            public void Fire(long nowMs)
            {
                Pending = false;
                _handler(nowMs);
            }
        }
    }
}
