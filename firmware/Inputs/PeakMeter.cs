using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Inputs
{
    /// <summary>
    /// Peak meters for the two channels of the ADC (what the computer records), read from the ADC
    /// tap every control-loop tick: the peak of each window of <see cref="WindowMs"/>' frames
    /// (published at the end of the tick that completes it, the right channel a tick after the left;
    /// the frames past its end count toward the next, so 1000 / WindowMs windows a second however
    /// the ticks fall),
    /// a peak hold, and a clip flag that stays up long enough to be seen. It is the tap's only
    /// reader: auto gain and the clip guard use what it found in the tick (<see cref="TickPeak"/>,
    /// <see cref="TickClipped"/>).
    /// </summary>
    /// <remarks>
    /// <para>Decimated: the device's interpreter runs a few µs per IL instruction, and looking at
    /// every frame (≈480 a 10 ms tick) would cost ≈15,000 IL a tick. Each tick the meter looks at
    /// <see cref="LookFrames"/> of the frames that arrived since the last tick, a stride apart (a
    /// comb across them: the longest stride that fits, shortened at random by up to a quarter, at
    /// a random place in what is left), and skips the rest unread; the tap finds the largest of
    /// them and the frames next to it (<see cref="IAdcTap.ScanFrames"/>; on the device over the raw
    /// I2S slots). Stride and place are drawn afresh every tick (a linear congruential generator),
    /// so no frequency locks to them: over a window the looks fall at unrelated phases of any
    /// periodic signal, 80 of them, spread over the whole window (contiguous stretches of 16, which
    /// this replaced, gave ten phases a window and read up to 3 dB low below 3 kHz). A busy tick
    /// (<see cref="Lean"/>) looks at half as many.</para>
    /// <para>What that costs in accuracy (PeakMeterDecimationTests, a sweep of sines 20 Hz–15 kHz
    /// at three levels, over five seeds of the generator): a window reads at most 0.11–0.40 dB below
    /// a sine's true peak (<see cref="WorstWindowLowCentiDb"/>), 0.6–1.4 dB below a harmonic-rich low
    /// tone's narrow crest (<see cref="WorstNonSineWindowLowCentiDb"/>); the peak hold, which keeps
    /// the highest window, within <see cref="WorstHeldLowCentiDb"/>. A short peak (a transient or a
    /// clip) is seen only if a look falls in it: a burst of L frames about L / stride of the time
    /// (stride ≈ 27 frames at 10 ms: one sample 3–4 %, 0.25 ms 37–45 %, 1 ms 94–96 %, 2.5 ms 99–100 %),
    /// and one of 20 ms or more always. Auto gain listens 3 s (≈ 4,800 looks; 1.5 s in
    /// AutoGainTests) and lands within 0.5 dB of its target on speech and music there; the clip
    /// guard sees a clip within a tick or two.</para>
    /// <para>Inter-sample peaks: a sine's largest sample under-reads its true peak by up to
    /// 1/cos(π·f/fs) (0.02 dB at 1 kHz, 0.7 dB at 8 kHz, 3 dB at 12 kHz at 48 kHz when f/fs locks the
    /// phase). The window's largest sample and its two neighbours are kept; through three samples
    /// y₋, y₀, y₊ of a sine, cos ω = (y₋ + y₊) / 2y₀ and the amplitude is
    /// √(y₀² + ((y₊ − y₋) / 2 sin ω)²), exact for a sine. The estimate is used where it matters
    /// and is well conditioned (0 ≤ f ≲ 16 kHz: −0.5 &lt; cos ω &lt; 0.95; below ~2.4 kHz the sample
    /// peak is within 0.11 dB and read as is), and never raises the reading by more than 6 dB.
    /// For other content it is the peak of the local sine through the three samples: close to the
    /// true peak for tonal music and speech; on full-band noise it may read ~1–2 dB above the
    /// sample peak (noise's true peaks do lie above its samples too).</para>
    /// <para>The hot loop is the tap's (<see cref="IAdcTap.ScanFrames"/>): integer only, two compares
    /// a sample, on the device over the raw I2S slots without converting them; the meter takes the
    /// comb's peak and neighbours and allocates nothing.
    /// Decibels are computed per window (integer table, <see cref="Dbfs"/>) and the inter-sample
    /// estimate (doubles) once per window.</para>
    /// </remarks>
    public sealed class PeakMeter
    {
        public const int Channels = 2;

        /// <summary>Window over which a peak is taken (20 windows a second).</summary>
        public const int WindowMs = 50;

        /// <summary>How long a peak is held before the hold follows the level down.</summary>
        public const int DefaultHoldMs = 1500;

        /// <summary>A window within this of the held peak keeps the hold up (a steady level's windows differ by hundredths of a dB).</summary>
        public const int HoldRefreshCentiDb = 50;

        /// <summary>How long the clip flag stays up after the last clipped sample.</summary>
        public const int DefaultClipHoldMs = 500;

        /// <summary>A sample at or above this level (−0.1 dBFS, 8292000) counts as clipped.</summary>
        public const int ClipThresholdCentiDb = -10;

        /// <summary>Frames looked at a tick, a stride apart across the tick's frames (half in a <see cref="Lean"/> tick); the rest are skipped unread.</summary>
        public const int LookFrames = 16;

        /// <summary>The most ticks a window due is held for busy ticks (<see cref="HoldWindow"/>).</summary>
        public const int MaxHeldTicks = 4;

        /// <summary>No window of the accuracy sweep (sines 20 Hz–15 kHz at −1, −20, −60 dBFS) read further below the true peak than this, in 0.01 dB (measured 0.11–0.40 dB over five seeds of the generator; PeakMeterDecimationTests checks it).</summary>
        public const int WorstWindowLowCentiDb = 50;

        /// <summary>No window of a harmonic-rich low tone (150 Hz with 10 harmonics, a speech-like crest a few frames wide) read further below its true peak than this, in 0.01 dB: the lowest of 300 windows read 0.6–1.4 dB low over five seeds of the generator (PeakMeterTests checks it). Narrow crests are what the looks miss.</summary>
        public const int WorstNonSineWindowLowCentiDb = 200;

        /// <summary>The held reading of a steady sine (any frequency of the sweep) lies within this of the true peak, in 0.01 dB (measured 0.01 dB; PeakMeterDecimationTests checks it).</summary>
        public const int WorstHeldLowCentiDb = 5;

        private const double MaxEstimateGain = 2.0;   // 6 dB: a sine's worst under-read at 16 kHz
        private const double CosUpperLimit = 0.95;    // ~2.4 kHz: below, the sample peak is within 0.11 dB
        private const double CosLowerLimit = -0.5;    // ~16 kHz: above, the fit is ill conditioned

        private readonly IAdcTap _tap;
        private readonly StretchPeaks _peaks = new StretchPeaks();
        private readonly int _holdMs;
        private readonly int _clipHoldMs;
        private readonly int _clipLevel;

        // per channel, running
        private readonly int[] _windowMax = new int[Channels];  // largest |sample| so far in the window
        private readonly int[] _maxBefore = new int[Channels];  // its neighbours and itself (signed)
        private readonly int[] _maxValue = new int[Channels];
        private readonly int[] _maxAfter = new int[Channels];
        private readonly int[] _tickMax = new int[Channels];
        private readonly bool[] _tickClipped = new bool[Channels];

        // per channel, published
        private readonly int[] _peak = new int[Channels];
        private readonly int[] _held = new int[Channels];
        private readonly long[] _heldAtMs = new long[Channels];
        private readonly long[] _clipUntilMs = new long[Channels];
        private readonly int[] _clipCount = new int[Channels];

        private int _windowFrames;
        private int _framesInWindow;
        private int _windowHeld;
        private int _sampleRate;
        private int _tickFrames;
        private long _nowMs;
        private int _windows;

        // the right channel of a completed window, published an Update after the left
        private bool _rightPending;
        private int _pendingMax;
        private int _pendingBefore;
        private int _pendingValue;
        private int _pendingAfter;
        private int _seed = 20260612;

        public PeakMeter(IAdcTap tap)
            : this(tap, DefaultHoldMs, DefaultClipHoldMs)
        {
        }

        public PeakMeter(IAdcTap tap, int holdMs, int clipHoldMs)
        {
            if (tap == null)
            {
                throw new ArgumentNullException("tap");
            }

            _tap = tap;
            _holdMs = holdMs;
            _clipHoldMs = clipHoldMs;
            _clipLevel = Dbfs.ToAmplitude(ClipThresholdCentiDb);
            for (int c = 0; c < Channels; c++)
            {
                _peak[c] = Dbfs.FloorCentiDb;
                _held[c] = Dbfs.FloorCentiDb;
                _clipUntilMs[c] = long.MinValue;
            }
        }

        /// <summary>The last window's peak of channel <paramref name="channel"/> (0 left, 1 right) in 0.01 dBFS (inter-sample estimate).</summary>
        public int PeakCentiDb(int channel)
        {
            return _peak[channel];
        }

        /// <summary>The highest window peak, held until the level has stayed more than <see cref="HoldRefreshCentiDb"/> below it for the hold time (<see cref="DefaultHoldMs"/>), in 0.01 dBFS.</summary>
        public int HeldCentiDb(int channel)
        {
            return _held[channel];
        }

        /// <summary>True while a clipped sample is less than the clip hold old (for the clip LED).</summary>
        public bool Clipping(int channel)
        {
            return _nowMs < _clipUntilMs[channel];
        }

        /// <summary>Ticks since start-up in which a scanned sample clipped (per channel).</summary>
        public int ClipCount(int channel)
        {
            return _clipCount[channel];
        }

        /// <summary>Windows published since start-up (counted when both channels are).</summary>
        public int Windows
        {
            get { return _windows; }
        }

        /// <summary>Frames taken from the tap in the last <see cref="Update"/> (scanned or skipped).</summary>
        public int TickFrames
        {
            get { return _tickFrames; }
        }

        /// <summary>The largest |sample| scanned in the last <see cref="Update"/> (0…8388607; a sample peak, no estimate).</summary>
        public int TickPeak(int channel)
        {
            return _tickMax[channel];
        }

        /// <summary>True when a sample scanned in the last <see cref="Update"/> was at or above the clip threshold.</summary>
        public bool TickClipped(int channel)
        {
            return _tickClipped[channel];
        }

        /// <summary>The tap's sample rate when last read (0 while the ADC is not clocked).</summary>
        public int SampleRate
        {
            get { return _sampleRate; }
        }

        /// <summary>
        /// Set by the caller for a tick that is busy already (a key applied, a jack planned): a
        /// window due in it is published in a later tick instead, held for <see cref="MaxHeldTicks"/> ticks at most.
        /// </summary>
        public bool HoldWindow { get; set; }

        /// <summary>
        /// Set by the caller for a busy tick (a key applied, a jack planned): it looks at half as many
        /// frames, so the busiest ticks are the cheapest to meter.
        /// </summary>
        public bool Lean { get; set; }

        /// <summary>
        /// Looks at <see cref="LookFrames"/> of the frames that arrived since the last call (half in
        /// a <see cref="Lean"/> tick), skips the rest, and publishes completed windows; call once per
        /// control-loop tick.
        /// </summary>
        public void Update(long nowMs)
        {
            _nowMs = nowMs;
            int rate = _tap.SampleRate;
            if (rate != _sampleRate)
            {
                _sampleRate = rate;
                _windowFrames = rate * WindowMs / 1000;
            }

            int available = _tap.AvailableFrames;
            _tickFrames = available;
            _tickMax[0] = 0;
            _tickMax[1] = 0;
            _tickClipped[0] = false;
            _tickClipped[1] = false;
            if (available > 0)
            {
                ScanComb(available, Lean ? LookFrames / 2 : LookFrames);
                _framesInWindow += available;
            }

            for (int c = 0; c < Channels; c++)
            {
                if (_tickClipped[c])
                {
                    _clipCount[c]++;
                    _clipUntilMs[c] = nowMs + _clipHoldMs;
                }
            }

            // A channel's estimate and decibels are ≈350 interpreted instructions: a completed window
            // publishes its left channel in one tick and its right in a later one, and either waits
            // out a busy tick (held for MaxHeldTicks at most).
            bool due = _rightPending || (_windowFrames > 0 && _framesInWindow >= _windowFrames);
            if (due && HoldWindow && _windowHeld < MaxHeldTicks)
            {
                _windowHeld++;
            }
            else if (_rightPending)
            {
                PublishChannel(1, _pendingMax, _pendingBefore, _pendingValue, _pendingAfter, nowMs);
                _rightPending = false;
                _windowHeld = 0;
                _windows++;
            }
            else if (due)
            {
                Publish(nowMs);
                _windowHeld = 0;
            }
        }

        // A comb over the tick's frames: looks frames a stride apart, the stride the longest that
        // fits shortened at random by up to a quarter, the comb at a random place in what is left
        // (a linear congruential generator, drawn afresh every tick), the other frames skipped.
        private void ScanComb(int available, int looks)
        {
            int longest = looks > 1 ? (available - 3) / (looks - 1) : available;
            longest = longest < 1 ? 1 : longest;
            _seed = _seed * 1103515245 + 12345;
            int stride = longest - (int)((((uint)_seed >> 17) * (uint)(longest / 4 + 1)) >> 15);
            stride = stride < 1 ? 1 : stride;
            int span = (looks - 1) * stride + 3;
            span = span > available ? available : span;
            _seed = _seed * 1103515245 + 12345;
            int skip = (int)((((uint)_seed >> 17) * (uint)(available - span + 1)) >> 15);
            _tap.SkipFrames(skip);
            int frames = _tap.ScanFrames(span, stride, _peaks);
            _tap.SkipFrames(available - skip - frames);
            if (frames > 0)
            {
                Take(0);
                Take(1);
            }
        }

        // The comb's peak of a channel (the tap found it and its neighbours): the tick's peak, clip
        // and the window's candidate.
        private void Take(int channel)
        {
            int value = _peaks.Peak[channel];
            int max = value < 0 ? -value : value;
            if (max > _tickMax[channel])
            {
                _tickMax[channel] = max;
            }

            _tickClipped[channel] |= max >= _clipLevel;
            if (max > _windowMax[channel])
            {
                _windowMax[channel] = max;
                _maxValue[channel] = value;
                _maxBefore[channel] = _peaks.Before[channel];
                _maxAfter[channel] = _peaks.After[channel];
            }
        }

        // A completed window: the left channel now, the right (kept aside) at the next Update; the
        // next window starts at once.
        private void Publish(long nowMs)
        {
            PublishChannel(0, _windowMax[0], _maxBefore[0], _maxValue[0], _maxAfter[0], nowMs);
            _pendingMax = _windowMax[1];
            _pendingBefore = _maxBefore[1];
            _pendingValue = _maxValue[1];
            _pendingAfter = _maxAfter[1];
            _rightPending = true;
            _windowMax[0] = 0;
            _windowMax[1] = 0;

            // The frames past the window's end count toward the next one (a comb that covered the
            // frames of two ticks, the meters having waited one out, would otherwise stretch the
            // window and slow the updates); a long pause does not make windows in a burst.
            _framesInWindow -= _windowFrames;
            _framesInWindow = _framesInWindow < _windowFrames ? _framesInWindow : 0;
        }

        private void PublishChannel(int c, int windowMax, int before, int value, int after, long nowMs)
        {
            int amplitude = windowMax == 0 ? 0 : EstimatePeak(before, value, after);
            int peak = Dbfs.FromAmplitude(amplitude);
            _peak[c] = peak;
            if (peak >= _held[c] || nowMs - _heldAtMs[c] >= _holdMs)
            {
                _held[c] = peak;
                _heldAtMs[c] = nowMs;
            }
            else if (peak >= _held[c] - HoldRefreshCentiDb)
            {
                _heldAtMs[c] = nowMs; // a steady level keeps its hold: it lets go HoldMs after the level left it
            }
        }

        /// <summary>
        /// The true peak of the sine through three consecutive samples (the middle one the largest),
        /// or the middle sample's size where the fit is not needed or not trustworthy.
        /// </summary>
        public static int EstimatePeak(int before, int peak, int after)
        {
            double y0 = peak < 0 ? -(double)peak : peak;
            if (y0 == 0)
            {
                return 0;
            }

            double sign = peak < 0 ? -1.0 : 1.0;
            double yBefore = before * sign;
            double yAfter = after * sign;
            double cosine = (yBefore + yAfter) / (2.0 * y0);
            if (cosine >= CosUpperLimit || cosine <= CosLowerLimit)
            {
                return (int)y0;
            }

            // √(y0² + slope²) as y0·√(1 + (slope / y0)²): the root's argument lies in 0.0975…0.75 for the
            // sine and 1…4 for the gain up to the cap (above, capped), so Newton's iteration from it
            // needs a handful of steps (from y0², ≈10¹², it needed twenty-odd: this runs per window)
            double sine = SquareRoot(1.0 - cosine * cosine);
            double ratio = (yAfter - yBefore) / (2.0 * sine * y0);
            double square = 1.0 + ratio * ratio;
            double gain = square >= MaxEstimateGain * MaxEstimateGain ? MaxEstimateGain : SquareRoot(square);
            double amplitude = y0 * gain;
            return amplitude >= int.MaxValue ? int.MaxValue : (int)(amplitude + 0.5);
        }

        // √value without System.Math (a separate package on the device): value brought into 1…4 by
        // factors of 4 (the arguments here lie in 0.09…4: two at most), the chord through (1, 1) and
        // (4, 2) as the start (within 6 %), then three Newton steps (each squares the relative
        // error: 6 % → 2·10⁻³ → 2·10⁻⁶ → 2·10⁻¹², far below the 24-bit resolution).
        private static double SquareRoot(double value)
        {
            if (value <= 0)
            {
                return 0;
            }

            double scale = 1.0;
            while (value < 1.0)
            {
                value *= 4.0;
                scale *= 0.5;
            }

            while (value >= 4.0)
            {
                value *= 0.25;
                scale *= 2.0;
            }

            double root = (2.0 + value) / 3.0;
            root = 0.5 * (root + value / root);
            root = 0.5 * (root + value / root);
            root = 0.5 * (root + value / root);
            return root * scale;
        }
    }
}
