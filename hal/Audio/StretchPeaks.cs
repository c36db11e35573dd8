namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// What a scan of a stretch of ADC frames found (<see cref="IAdcTap.ScanFrames"/>), per channel
    /// (0 left, 1 right): the sample of largest size, signed, and its two neighbours, for the peak
    /// meter's inter-sample estimate. The first and last frame of a stretch of three or more are
    /// only neighbours; of a shorter stretch every frame counts, and a neighbour missing at an end
    /// is the peak itself. Of equal sizes the earliest wins. Preallocated by the reader.
    /// </summary>
    public sealed class StretchPeaks
    {
        public const int Channels = 2;

        /// <summary>The sample of largest size (signed, 24-bit).</summary>
        public readonly int[] Peak = new int[Channels];

        /// <summary>The sample before it.</summary>
        public readonly int[] Before = new int[Channels];

        /// <summary>The sample after it.</summary>
        public readonly int[] After = new int[Channels];

        /// <summary>
        /// Finds the peaks in <paramref name="frames"/> interleaved frames from <paramref name="offset"/>
        /// (for taps that hold their frames as ints; the device's ring scans its raw slots itself).
        /// </summary>
        public void Find(int[] interleaved, int offset, int frames)
        {
            for (int c = 0; c < Channels; c++)
            {
                int first = offset + c + (frames >= 3 ? 2 : 0);
                int last = offset + c + 2 * (frames >= 3 ? frames - 2 : frames - 1);
                int best = first;
                int size = -1;
                for (int i = first; i <= last; i += 2)
                {
                    int value = interleaved[i] < 0 ? -interleaved[i] : interleaved[i];
                    if (value > size)
                    {
                        size = value;
                        best = i;
                    }
                }

                if (frames <= 0)
                {
                    Peak[c] = 0;
                    Before[c] = 0;
                    After[c] = 0;
                    continue;
                }

                Peak[c] = interleaved[best];
                Before[c] = best - 2 >= offset ? interleaved[best - 2] : interleaved[best];
                After[c] = best + 2 < offset + 2 * frames ? interleaved[best + 2] : interleaved[best];
            }
        }
    }
}
