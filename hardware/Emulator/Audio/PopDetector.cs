using System;
using System.Runtime.CompilerServices;
using System.Collections;

namespace InterfaceFirmware.Emulator
{
    /// <summary>What the pop detector heard.</summary>
    public enum PopKind
    {
        /// <summary>A discontinuity: the output jumped in a way the preceding signal does not explain (click).</summary>
        Click = 0,

        /// <summary>A low-frequency excursion of the output: a DC step or a ramp fast enough to hear (thump).</summary>
        Thump = 1,

        /// <summary>An artefact a chip model reports directly (e.g. a clock change under a live output).</summary>
        Glitch = 2,
    }

    /// <summary>One event at one output, with its time and size (full-scale units).</summary>
    public sealed class PopEvent
    {
        public PopEvent(string output, PopKind kind, long timeUs, double size, string detail)
        {
            Output = output;
            Kind = kind;
            TimeUs = timeUs;
            Size = size;
            Detail = detail;
        }

        public string Output { get; }

        public PopKind Kind { get; }

        public long TimeUs { get; }

        /// <summary>Peak size in full-scale units (1.0 = a full-scale sine's peak).</summary>
        public double Size { get; }

        public string Detail { get; }

        public double SizeDb
        {
            get { return Decibels.ToDb(Size); }
        }

        public override string ToString()
        {
            return Output + " " + Kind.ToString() + " at " + (TimeUs / 1000).ToString() + " ms, " + SizeDb.ToString("F1") + " dBFS"
                + (Detail == null ? string.Empty : " (" + Detail + ")");
        }
    }

    /// <summary>
    /// Listens to one output and flags what a listener would hear as a pop or click rather than
    /// as programme. It judges the output alone, so the onset of a programme counts too: an abrupt
    /// start, and, for the first ~250 ms of a steady programme with strong content below 150 Hz
    /// (bass, noise), its own build-up, until the detector has heard what "steady" is. Tests let
    /// programmes run before the moment they judge; the firmware un-mutes through ramps.
    /// </summary>
    /// <remarks>
    /// Two measures, both documented with their thresholds:
    /// <list type="bullet">
    /// <item>Click: the prediction error e[n] = y[n] − (2·y[n−1] − y[n−2]) (what a straight-line
    /// continuation of the last two samples misses). A smooth signal keeps it small and regular;
    /// a step of size s makes it jump to ±s. Flagged when |e| exceeds both
    /// <see cref="ClickThreshold"/> and <see cref="ClickRatio"/> × the largest |e| of the previous
    /// 10 ms, so a loud high-frequency programme raises its own bar.</item>
    /// <item>Thump: how far the output's low-frequency level (through a 4th-order 150 Hz low-pass)
    /// moved within the last <see cref="ThumpWindowMs"/> ms, exceeding both
    /// <see cref="ThumpThreshold"/> and <see cref="ThumpRatio"/> × its own largest value between
    /// 200 and 50 ms earlier. A DC step, a bias ramp, a supply transient, or the bias rising fast
    /// into a coupling capacitor and draining away over seconds all move the level that far within
    /// 20 ms; a 1 kHz programme is 66 dB down, the infrasonic charging of coupling capacitors
    /// spread over hundreds of ms moves it far less (0.05 FS over a 500 ms raised cosine: at most
    /// 0.003 in 20 ms), and steady programme content below 150 Hz (bass, noise) raises its own
    /// bar. The move is measured rather than the content above 15 Hz (what this detector did
    /// first) because a fast rise that decays slowly keeps most of its size below 15 Hz: the
    /// ES8388's VMID charged through 5 kΩ into the Audio Kit's 220 µF headphone capacitors rises
    /// −34 dBFS within 20 ms but showed only −45 dBFS in a 15–150 Hz band, and went unheard.</item>
    /// </list>
    /// Events closer than <see cref="HoldOffUs"/> to the previous one of the same kind merge into it
    /// (keeping the largest size).
    /// </remarks>
    public sealed class PopDetector
    {
        /// <summary>−46 dBFS: the smallest discontinuity reported as a click.</summary>
        public const double ClickThreshold = 0.005;

        /// <summary>A click must also exceed the recent regular prediction error by this factor.</summary>
        public const double ClickRatio = 4.0;

        /// <summary>−40 dBFS: the smallest move of the low-frequency level within <see cref="ThumpWindowMs"/> reported as a thump.</summary>
        public const double ThumpThreshold = 0.01;

        /// <summary>A thump must also exceed the largest move of 200 to 50 ms earlier by this factor.</summary>
        public const double ThumpRatio = 4.0;

        /// <summary>The thump measure: how far the level below 150 Hz moved within this time (half a period of 25 Hz).</summary>
        public const int ThumpWindowMs = 20;

        /// <summary>Events within 20 ms of the previous one of the same kind merge into it.</summary>
        public const long HoldOffUs = 20000;

        private readonly string _output;
        private readonly ArrayList _events;
        // Largest |e| over the last 10 ms, kept as ten 1 ms block maxima (constant time per sample).
        private const int ErrorBlock = AudioEngine.SampleRate / 1000;
        private readonly double[] _errorBlockMax = new double[10];
        private int _errorBlockIndex;
        private int _errorInBlock;
        private double _errorCurrentMax;
        private double _errorWindowMax;
        // The thump measure runs on 16-sample averages (3 kHz): ample for a level that ends at 150 Hz.
        private const int BandDecimation = 16;
        private const int BandRate = AudioEngine.SampleRate / BandDecimation;
        private readonly WindowMax _earlierMoves = new WindowMax(20, BandRate / 100, 5);
        private readonly Biquad _lowPass1 = Biquad.LowPass(150.0, BandRate);
        private readonly Biquad _lowPass2 = Biquad.LowPass(150.0, BandRate);
        // The low-frequency level of the last ThumpWindowMs (a ring), to measure its move.
        private readonly double[] _levelHistory = new double[ThumpWindowMs * BandRate / 1000];
        private int _levelIndex;
        private double _bandSum;
        private int _bandCount;
        private double _y1;
        private double _y2;
        private long _samples;
        private PopEvent _lastClick;
        private PopEvent _lastThump;
        // Scan's queue of completed band samples (average, last sample's index in the block)
        // and the click candidate it stopped at (its error, or −1)
        private readonly double[] _bandPending = new double[AudioEngine.BlockFrames / BandDecimation + 1];
        private readonly int[] _bandPendingEnd = new int[AudioEngine.BlockFrames / BandDecimation + 1];
        private int _bandPendingCount;
        private double _candidate;
        // Every measure is at zero and the input was silent since (see CheckQuiet)
        private bool _quiet;

        public PopDetector(string output, ArrayList events)
        {
            _output = output;
            _events = events;
        }

        public string Output
        {
            get { return _output; }
        }

        /// <summary>
        /// Judges with the straightforward per-sample loop only (for tests that check the fast
        /// path judges the same). True by default.
        /// </summary>
        public bool FastPathEnabled { get; set; } = true;

        /// <summary>Feeds a block of the output; <paramref name="startUs"/> is the time of its first sample.</summary>
        /// <remarks>
        /// The samples run through <see cref="Scan"/>, a loop without calls (on x64 Unix no
        /// floating-point register survives a call, so a loop that may call keeps its state on the
        /// stack). It stops only at a click candidate; the 3 kHz band samples it completes wait in
        /// <c>_bandPending</c> and are judged here, in the order the samples came: the events are
        /// those of the straightforward loop, in the same order.
        /// </remarks>
        public void Process(double[] samples, int offset, int count, long startUs)
        {
            if (!FastPathEnabled || _samples < 2)
            {
                ProcessReference(samples, offset, count, startUs);
                return;
            }

            if (IsSilent(samples, offset, count) && (_quiet || CheckQuiet()))
            {
                AdvanceQuiet(count);
                return;
            }

            _quiet = false;
            _bandPendingCount = 0;
            int flushed = 0;
            int i = 0;
            while (i < count)
            {
                i = Scan(this, samples, offset, i, count);
                if (_candidate >= 0)
                {
                    // sample i − 1 is a click candidate: the band samples completed before it come first
                    flushed = FlushBand(flushed, i - 1, startUs);
                    Report(ref _lastClick, PopKind.Click, TimeOf(startUs, i - 1), _candidate);
                }
            }

            FlushBand(flushed, count, startUs);
            _samples += count;
        }

        private static bool IsSilent(double[] samples, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (samples[offset + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        // True when every measure holds nothing but zeros (a long silence): more silence then
        // leaves every value as it is (each error, band sample, level and move is 0, below every
        // bar) and only moves the positions in the rings.
        private bool CheckQuiet()
        {
            if (_y1 != 0 || _y2 != 0 || _errorCurrentMax != 0 || _errorWindowMax != 0 || _bandSum != 0
                || !_lowPass1.IsAtRest || !_lowPass2.IsAtRest || !_earlierMoves.IsAllZero)
            {
                return false;
            }

            // (_errorWindowMax is the largest of _errorBlockMax: those are 0 too)
            for (int k = 0; k < _levelHistory.Length; k++)
            {
                if (_levelHistory[k] != 0)
                {
                    return false;
                }
            }

            _quiet = true;
            return true;
        }

        // What Process does with `count` zeros when quiet, without the per-sample loop.
        private void AdvanceQuiet(int count)
        {
            int errorSamples = _errorInBlock + count;
            _errorBlockIndex = (_errorBlockIndex + errorSamples / ErrorBlock) % _errorBlockMax.Length;
            _errorInBlock = errorSamples % ErrorBlock;
            int bandSamples = _bandCount + count;
            int completed = bandSamples / BandDecimation;
            _bandCount = bandSamples % BandDecimation;
            _levelIndex = (_levelIndex + completed) % _levelHistory.Length;
            _earlierMoves.AddZeros(completed);
            _samples += count;
        }

        /// <summary>
        /// <see cref="Process"/> of a block the caller knows is all zeros (<paramref name="zeros"/>
        /// from 0): a detector at rest skips it without looking at the samples.
        /// </summary>
        public void ProcessSilence(double[] zeros, int count, long startUs)
        {
            if (FastPathEnabled && _samples >= 2 && (_quiet || CheckQuiet()))
            {
                AdvanceQuiet(count);
                return;
            }

            Process(zeros, 0, count, startUs);
        }

        // Judges the pending band samples whose last sample came before sample `before`.
        private int FlushBand(int flushed, int before, long startUs)
        {
            // a loop, so the JIT compiles it optimised at once (a method without one starts
            // unoptimised), with the band sample's work inline; the low-pass runs over the run of
            // band samples first (each filter sees its inputs in the same order)
            int to = flushed;
            while (to < _bandPendingCount && _bandPendingEnd[to] < before)
            {
                to++;
            }

            Biquad.FilterCascade(_lowPass1, _lowPass2, _bandPending, flushed, to);
            for (; flushed < to; flushed++)
            {
                // the output starts from silence: the history begins at 0, so a bias already present
                // at the first sample counts as a move
                double level = _bandPending[flushed];
                double move = level - _levelHistory[_levelIndex];
                _levelHistory[_levelIndex] = level;
                if (++_levelIndex == _levelHistory.Length)
                {
                    _levelIndex = 0;
                }

                if (move < 0)
                {
                    move = -move;
                }

                if (move > ThumpThreshold && move > ThumpRatio * _earlierMoves.Max)
                {
                    Report(ref _lastThump, PopKind.Thump, TimeOf(startUs, _bandPendingEnd[flushed]), move);
                }

                _earlierMoves.Add(move);
            }

            return flushed;
        }

        // Samples from `from` until the block ends or a sample exceeds the click bar (that sample
        // included; _candidate then holds its error, else −1); returns the next index. The bar is
        // max(ClickThreshold, ClickRatio × the recent largest error): CheckClick's test as one
        // threshold (×4 is exact). Error blocks complete here (CompleteErrorBlock inline); band
        // samples are queued. A method with nothing but the loop: on x64 Unix no floating-point
        // register survives a call, and the JIT keeps a variable that is live across any call
        // (even one before the loop) on the stack.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Scan(PopDetector detector, double[] samples, int offset, int from, int count)
        {
            double y1 = detector._y1;
            double y2 = detector._y2;
            double max = detector._errorCurrentMax;
            double sum = detector._bandSum;
            double window = detector._errorWindowMax;
            double[] ring = detector._errorBlockMax;
            int ringIndex = detector._errorBlockIndex;
            double[] pending = detector._bandPending;
            int[] pendingEnd = detector._bandPendingEnd;
            int pendingCount = detector._bandPendingCount;
            int inBlock = detector._errorInBlock;
            int bandCount = detector._bandCount;
            double candidate = -1;
            double bar = ClickRatio * (max > window ? max : window);
            if (!(bar > ClickThreshold))
            {
                bar = ClickThreshold;
            }

            int i = from;
            while (i < count)
            {
                int run = ErrorBlock - inBlock;
                if (BandDecimation - bandCount < run)
                {
                    run = BandDecimation - bandCount;
                }

                int end = count - i < run ? count : i + run;
                int start = i;
                if (y1 == 0 && y2 == 0)
                {
                    // Silence after silence (an output nobody drives): every error is 0, below any
                    // bar and any maximum, and adding ±0 leaves the band sum as it is (never −0: it
                    // starts at +0 and an exact cancellation rounds to +0). Only the last two samples move.
                    int k = i;
                    while (k < end && samples[offset + k] == 0)
                    {
                        k++;
                    }

                    if (k == end)
                    {
                        y2 = end - i >= 2 ? samples[offset + end - 2] : y1;
                        y1 = samples[offset + end - 1];
                        i = end;
                    }
                }

                for (; i < end; i++)
                {
                    double y = samples[offset + i];
                    double error = Math.Abs(y - (2.0 * y1 - y2));
                    if (error > bar)
                    {
                        candidate = error;
                        end = i + 1;
                    }

                    if (error > max)
                    {
                        max = error;
                        double four = ClickRatio * error;
                        if (four > bar)
                        {
                            bar = four;
                        }
                    }

                    sum += y;
                    y2 = y1;
                    y1 = y;
                }

                inBlock += i - start;
                bandCount += i - start;
                if (inBlock == ErrorBlock)
                {
                    ring[ringIndex] = max;
                    ringIndex = ringIndex + 1 == ring.Length ? 0 : ringIndex + 1;
                    window = 0;
                    for (int k = 0; k < ring.Length; k++)
                    {
                        if (ring[k] > window)
                        {
                            window = ring[k];
                        }
                    }

                    max = 0;
                    bar = ClickRatio * window;
                    if (!(bar > ClickThreshold))
                    {
                        bar = ClickThreshold;
                    }

                    inBlock = 0;
                }

                if (bandCount == BandDecimation)
                {
                    pending[pendingCount] = sum / BandDecimation;
                    pendingEnd[pendingCount] = i - 1;
                    pendingCount++;
                    sum = 0;
                    bandCount = 0;
                }

                if (candidate >= 0)
                {
                    break;
                }
            }

            detector._y1 = y1;
            detector._y2 = y2;
            detector._errorCurrentMax = max;
            detector._bandSum = sum;
            detector._errorWindowMax = window;
            detector._errorBlockIndex = ringIndex;
            detector._bandPendingCount = pendingCount;
            detector._errorInBlock = inBlock;
            detector._bandCount = bandCount;
            detector._candidate = candidate;
            return i;
        }

        // The straightforward loop: the reference the fast path is checked against, and the first
        // samples (whose prediction error has no history yet).
        private void ProcessReference(double[] samples, int offset, int count, long startUs)
        {
            // state in locals for the loop; fields are written back at the end
            double y1 = _y1;
            double y2 = _y2;
            double currentMax = _errorCurrentMax;
            int inBlock = _errorInBlock;
            double bandSum = _bandSum;
            int bandCount = _bandCount;
            int first = _samples < 2 ? (int)(2 - _samples) : 0;
            int i = 0;
            while (i < count)
            {
                // a run of samples up to the next error-block or band-sample boundary, without counters
                int run = ErrorBlock - inBlock;
                if (BandDecimation - bandCount < run)
                {
                    run = BandDecimation - bandCount;
                }

                int end = count - i < run ? count : i + run;
                inBlock += end - i;
                bandCount += end - i;
                for (; i < end; i++)
                {
                    double y = samples[offset + i];
                    double error = y - (2.0 * y1 - y2);
                    if (error < 0)
                    {
                        error = -error;
                    }

                    // cheap test first: most samples are far below the absolute threshold
                    if (error > ClickThreshold && i >= first)
                    {
                        CheckClick(error, currentMax, startUs, i);
                    }

                    if (error > currentMax)
                    {
                        currentMax = error;
                    }

                    bandSum += y;
                    y2 = y1;
                    y1 = y;
                }

                if (inBlock == ErrorBlock)
                {
                    CompleteErrorBlock(currentMax);
                    currentMax = 0;
                    inBlock = 0;
                }

                if (bandCount == BandDecimation)
                {
                    // one band sample, through the queue the fast path uses
                    _bandPending[0] = bandSum / BandDecimation;
                    _bandPendingEnd[0] = end - 1;
                    _bandPendingCount = 1;
                    FlushBand(0, count, startUs);
                    _bandPendingCount = 0;
                    bandSum = 0;
                    bandCount = 0;
                }
            }

            _y1 = y1;
            _y2 = y2;
            _errorCurrentMax = currentMax;
            _errorInBlock = inBlock;
            _bandSum = bandSum;
            _bandCount = bandCount;
            _samples += count;
        }

        /// <summary>
        /// Both channels of an output: the left's events come before the right's, as if the
        /// channels ran one after the other (which they do).
        /// </summary>
        public static void ProcessPair(PopDetector left, PopDetector right, double[] samplesLeft, double[] samplesRight, int count, long startUs)
        {
            left.Process(samplesLeft, 0, count, startUs);
            right.Process(samplesRight, 0, count, startUs);
        }

        private void CheckClick(double error, double currentMax, long startUs, int sample)
        {
            double recent = currentMax > _errorWindowMax ? currentMax : _errorWindowMax;
            if (error > ClickRatio * recent)
            {
                Report(ref _lastClick, PopKind.Click, TimeOf(startUs, sample), error);
            }
        }

        private void CompleteErrorBlock(double blockMax)
        {
            _errorBlockMax[_errorBlockIndex] = blockMax;
            _errorBlockIndex = (_errorBlockIndex + 1) % _errorBlockMax.Length;
            double max = 0;
            for (int k = 0; k < _errorBlockMax.Length; k++)
            {
                if (_errorBlockMax[k] > max)
                {
                    max = _errorBlockMax[k];
                }
            }

            _errorWindowMax = max;
        }

        /// <summary>Reports an artefact that a model knows happened (not inferred from the waveform).</summary>
        public void ReportGlitch(long timeUs, double size, string detail)
        {
            _events.Add(new PopEvent(_output, PopKind.Glitch, timeUs, size, detail));
        }

        private static long TimeOf(long startUs, int sample)
        {
            return startUs + sample * 1000000L / AudioEngine.SampleRate;
        }

        private void Report(ref PopEvent last, PopKind kind, long timeUs, double size)
        {
            if (last != null && timeUs - last.TimeUs < HoldOffUs)
            {
                if (size > last.Size)
                {
                    int index = _events.IndexOf(last);
                    last = new PopEvent(_output, kind, last.TimeUs, size, null);
                    _events[index] = last;
                }

                return;
            }

            last = new PopEvent(_output, kind, timeUs, size, null);
            _events.Add(last);
        }
    }
}
