using System;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A push button between a GPIO with pull-up and ground: released = high, pressed = low.
    /// </summary>
    /// <remarks>
    /// Bounce model. Every press and every release is an edge of the contact. An edge starting at
    /// t0 first changes the pin to the new level at exactly t0 (first contact / first break), then
    /// bounces: an even number of further level changes, 2·k with k drawn from
    /// 0 … <see cref="MaxBounceTransitions"/>/2, at random instants in (t0, t0 + <see cref="BounceUs"/>],
    /// strictly increasing, so the pin always ends at the new level within <see cref="BounceUs"/>
    /// (plus a µs per coinciding draw). Mechanical switches typically bounce for 0.1–5 ms
    /// (hence the 3 ms default) with a handful of transitions. All randomness comes from the
    /// <see cref="DeterministicRandom"/> given to the constructor: the same seed and the same calls
    /// give the same edges at the same µs.
    /// Every level change is scheduled on the <see cref="VirtualClock"/> and applied with
    /// <see cref="VirtualDigitalInput.SetLevel"/> when virtual time reaches it. A call made while
    /// earlier edges are still scheduled starts 1 µs after the last of them (calls queue, they do
    /// not interleave). <see cref="IsPressed"/> is the logical state once everything scheduled has
    /// happened.
    /// </remarks>
    public sealed class Button
    {
        private readonly string _name;
        private readonly VirtualDigitalInput _input;
        private readonly VirtualClock _clock;
        private readonly DeterministicRandom _random;
        private readonly TimedAction _toHigh;
        private readonly TimedAction _toLow;
        private bool _pressed;
        private long _settledAtUs = -1;

        public Button(string name, VirtualDigitalInput input, VirtualClock clock, DeterministicRandom random)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            _name = name;
            _input = input;
            _clock = clock;
            _random = random;
            _toHigh = new LevelChange(input, true).Apply;
            _toLow = new LevelChange(input, false).Apply;
            _pressed = !input.Level;
            BounceUs = 3000;
            MaxBounceTransitions = 6;
        }

        public string Name
        {
            get { return _name; }
        }

        /// <summary>The input the button drives.</summary>
        public VirtualDigitalInput Input
        {
            get { return _input; }
        }

        /// <summary>How long after an edge's first change the contact may still bounce, in µs (default 3000).</summary>
        public int BounceUs { get; set; }

        /// <summary>The most bounce transitions after an edge's first change (default 6; an odd value acts as the even number below it).</summary>
        public int MaxBounceTransitions { get; set; }

        /// <summary>The logical state: the final level of the last scheduled edge (pressed = pin low).</summary>
        public bool IsPressed
        {
            get { return _pressed; }
        }

        /// <summary>Virtual time (µs) of the last scheduled level change; -1 before any.</summary>
        public long SettledAtUs
        {
            get { return _settledAtUs; }
        }

        /// <summary>
        /// Presses from now, holds for <paramref name="holdMs"/> (from the first contact to the first
        /// break, at least until the press has settled), then releases. Both edges bounce.
        /// </summary>
        public void Press(int holdMs)
        {
            if (holdMs < 0)
            {
                throw new ArgumentOutOfRangeException("holdMs");
            }

            long startUs = StartUs();
            long settledUs = ScheduleEdge(startUs, true);
            long releaseUs = startUs + holdMs * 1000L;
            if (releaseUs <= settledUs)
            {
                releaseUs = settledUs + 1;
            }

            ScheduleEdge(releaseUs, false);
        }

        /// <summary>Presses from now and keeps the button down (a long or stuck press) until <see cref="Release"/>.</summary>
        public void PressAndHold()
        {
            ScheduleEdge(StartUs(), true);
        }

        /// <summary>Releases from now (with bounce); nothing happens if the button is already released.</summary>
        public void Release()
        {
            ScheduleEdge(StartUs(), false);
        }

        /// <summary>
        /// An intermittent contact: from now, for <paramref name="durationMs"/>, the pin toggles at
        /// random intervals drawn uniformly from 1 µs … 2·<paramref name="meanIntervalMs"/> ms;
        /// at the end it is released (high).
        /// </summary>
        public void Chatter(int durationMs, int meanIntervalMs)
        {
            if (durationMs < 0)
            {
                throw new ArgumentOutOfRangeException("durationMs");
            }

            if (meanIntervalMs <= 0)
            {
                throw new ArgumentOutOfRangeException("meanIntervalMs");
            }

            long startUs = StartUs();
            long endUs = startUs + durationMs * 1000L;
            int spanUs = 2 * meanIntervalMs * 1000;
            bool level = !_pressed;
            long t = startUs;
            while (true)
            {
                t += 1 + _random.Next(spanUs);
                if (t >= endUs)
                {
                    break;
                }

                level = !level;
                Schedule(t, level);
            }

            if (!level)
            {
                Schedule(endUs, true);
            }

            _pressed = false;
            _settledAtUs = endUs;
        }

        private long StartUs()
        {
            long now = _clock.NowUs;
            return _settledAtUs >= now ? _settledAtUs + 1 : now;
        }

        /// <summary>Schedules one bouncing edge from <paramref name="startUs"/>; returns the time of its last change.</summary>
        private long ScheduleEdge(long startUs, bool pressed)
        {
            if (pressed == _pressed)
            {
                return startUs;
            }

            _pressed = pressed;
            bool finalLevel = !pressed;
            int bounces = 2 * _random.Next(MaxBounceTransitions / 2 + 1);
            Schedule(startUs, finalLevel);
            long lastUs = startUs;
            if (bounces > 0 && BounceUs > 0)
            {
                long[] times = new long[bounces];
                for (int i = 0; i < bounces; i++)
                {
                    // insertion sort as we draw
                    long t = startUs + 1 + _random.Next(BounceUs);
                    int j = i;
                    while (j > 0 && times[j - 1] > t)
                    {
                        times[j] = times[j - 1];
                        j--;
                    }

                    times[j] = t;
                }

                bool level = finalLevel;
                for (int i = 0; i < bounces; i++)
                {
                    if (i > 0 && times[i] <= times[i - 1])
                    {
                        times[i] = times[i - 1] + 1;
                    }

                    level = !level;
                    Schedule(times[i], level);
                }

                lastUs = times[bounces - 1];
            }

            _settledAtUs = lastUs;
            return lastUs;
        }

        private void Schedule(long atUs, bool level)
        {
            _clock.Schedule(atUs, level ? _toHigh : _toLow);
        }

        private sealed class LevelChange
        {
            private readonly VirtualDigitalInput _input;
            private readonly bool _level;

            public LevelChange(VirtualDigitalInput input, bool level)
            {
                _input = input;
                _level = level;
            }

            public void Apply(long nowUs)
            {
                _input.SetLevel(_level);
            }
        }
    }
}
