using System;

namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// A ring of raw I2S blocks as the ESP32's driver delivers them (32-bit little-endian slots,
    /// left then right; the 24-bit sample is the top three bytes), filled a whole block at a time
    /// by the driver itself and converted to 24-bit frames only where a reader asks for them.
    /// </summary>
    /// <remarks>
    /// Why raw: the interpreter runs a few µs per IL instruction, and converting every frame as it
    /// arrives (≈60 IL a frame, 48,000 frames a second) would take more than the whole CPU; the
    /// meters look at 16 frames a 10 ms tick and skip the rest. Here the reader thread's work is a
    /// few dozen IL a block (the driver copies the bytes natively); <see cref="ScanFrames"/> compares
    /// the raw slots (a native <see cref="BitConverter.ToInt32(byte[], int)"/> call each) and
    /// converts only the winners, and <see cref="ReadFrames"/> converts a frame with two such calls
    /// and two shifts.
    /// Not thread-safe by itself: the owner locks around every call, and lets the driver fill the
    /// bytes between <see cref="BeginBlock"/> and <see cref="CommitBlock"/> outside the lock (no
    /// unread frame lies in that block: BeginBlock dropped them).
    /// </remarks>
    public sealed class AdcBlockRing
    {
        /// <summary>Bytes per stereo frame: two 32-bit slots.</summary>
        public const int BytesPerFrame = 8;

        private readonly byte[] _bytes;
        private readonly int _capacityFrames;
        private readonly int _blockFrames;
        private int _writeFrame;   // where the next block goes (a block boundary)
        private int _unreadFrames; // the newest frames before _writeFrame

        /// <param name="ringFrames">Frames the ring holds, a whole number of blocks (e.g. 2048 ≈ 43 ms at 48 kHz).</param>
        /// <param name="blockFrames">Frames per driver read (e.g. 128 ≈ 2.7 ms at 48 kHz).</param>
        public AdcBlockRing(int ringFrames, int blockFrames)
        {
            if (blockFrames <= 0)
            {
                throw new ArgumentOutOfRangeException("blockFrames");
            }

            if (ringFrames < blockFrames || ringFrames % blockFrames != 0)
            {
                throw new ArgumentOutOfRangeException("ringFrames");
            }

            _capacityFrames = ringFrames;
            _blockFrames = blockFrames;
            _bytes = new byte[ringFrames * BytesPerFrame];
        }

        /// <summary>The ring's bytes: the driver reads a block into them at <see cref="BeginBlock"/>'s offset.</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <summary>Bytes in a block.</summary>
        public int BlockBytes
        {
            get { return _blockFrames * BytesPerFrame; }
        }

        /// <summary>Frames delivered and not yet read or skipped.</summary>
        public int AvailableFrames
        {
            get { return _unreadFrames; }
        }

        /// <summary>Forgets every frame (a new stream).</summary>
        public void Clear()
        {
            _writeFrame = 0;
            _unreadFrames = 0;
        }

        /// <summary>
        /// The byte offset where the next block goes. Unread frames there are the oldest; they are
        /// dropped now, so a reader never sees a block half overwritten.
        /// </summary>
        public int BeginBlock()
        {
            int free = _capacityFrames - _unreadFrames;
            if (free < _blockFrames)
            {
                _unreadFrames -= _blockFrames - free;
            }

            return _writeFrame * BytesPerFrame;
        }

        /// <summary>The block started by <see cref="BeginBlock"/> is full: its frames become readable.</summary>
        public void CommitBlock()
        {
            _writeFrame += _blockFrames;
            if (_writeFrame == _capacityFrames)
            {
                _writeFrame = 0;
            }

            _unreadFrames += _blockFrames;
        }

        /// <summary>
        /// Copies up to <paramref name="maxFrames"/> of the oldest unread frames, interleaved left/right,
        /// as 24-bit signed values; returns the number copied.
        /// </summary>
        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            int frames = _unreadFrames < maxFrames ? _unreadFrames : maxFrames;
            int start = _writeFrame - _unreadFrames;
            if (start < 0)
            {
                start += _capacityFrames;
            }

            // in at most two runs: up to the ring's end, then from its start
            int firstRun = _capacityFrames - start;
            firstRun = frames < firstRun ? frames : firstRun;
            int to = Convert(start, firstRun, interleaved, offset);
            Convert(0, frames - firstRun, interleaved, to);
            _unreadFrames -= frames;
            return frames;
        }

        /// <summary>
        /// Consumes up to <paramref name="maxFrames"/> of the oldest unread frames and finds each
        /// channel's largest sample among every <paramref name="stride"/>-th of them and the frames
        /// next to it (<see cref="StretchPeaks"/>) in the raw slots: a slot is the sample shifted up
        /// by 8, so the slots compare as the samples do, and only the winners and their neighbours
        /// are converted. Returns the number consumed.
        /// </summary>
        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            int frames = _unreadFrames < maxFrames ? _unreadFrames : maxFrames;
            if (frames <= 0)
            {
                return 0;
            }

            byte[] bytes = _bytes;
            int size = bytes.Length;
            int startFrame = _writeFrame - _unreadFrames;
            int start = (startFrame < 0 ? startFrame + _capacityFrames : startFrame) * BytesPerFrame;

            // of three frames or more: frames 1, 1 + stride, … up to the last but one (each has both neighbours)
            int first = frames >= 3 ? 1 : 0;
            int step = frames >= 3 && stride > 1 ? stride : 1;
            int count = frames >= 3 ? (frames - 3) / step : frames - 1;
            int stepBytes = step * BytesPerFrame;
            int at = start + first * BytesPerFrame;
            at = at >= size ? at - size : at;

            // The hot loop: highest and lowest slot of each channel and where (a frame's byte
            // offset), in locals (the interpreter's cheapest); two compares a sample, no conversion.
            int highLeft = BitConverter.ToInt32(bytes, at);
            int lowLeft = highLeft;
            int atHighLeft = at;
            int atLowLeft = at;
            int highRight = BitConverter.ToInt32(bytes, at + 4);
            int lowRight = highRight;
            int atHighRight = at;
            int atLowRight = at;
            for (; count > 0; count--)
            {
                at += stepBytes;
                if (at >= size)
                {
                    at -= size;
                }

                int slot = BitConverter.ToInt32(bytes, at);
                if (slot > highLeft)
                {
                    highLeft = slot;
                    atHighLeft = at;
                }
                else if (slot < lowLeft)
                {
                    lowLeft = slot;
                    atLowLeft = at;
                }

                slot = BitConverter.ToInt32(bytes, at + 4);
                if (slot > highRight)
                {
                    highRight = slot;
                    atHighRight = at;
                }
                else if (slot < lowRight)
                {
                    lowRight = slot;
                    atLowRight = at;
                }
            }

            int last = start + (frames - 1) * BytesPerFrame;
            last = last >= size ? last - size : last;
            Settle(0, highLeft, atHighLeft, lowLeft, atLowLeft, start, last, peaks);
            Settle(1, highRight, atHighRight, lowRight, atLowRight, start, last, peaks);
            _unreadFrames -= frames;
            return frames;
        }

        /// <summary>Drops up to <paramref name="maxFrames"/> of the oldest unread frames; returns the number dropped.</summary>
        public int SkipFrames(int maxFrames)
        {
            int frames = _unreadFrames < maxFrames ? _unreadFrames : maxFrames;
            _unreadFrames -= frames;
            return frames;
        }

        // The larger in size of a channel's highest and lowest sample (a tie: the earlier one), and
        // its neighbours within the stretch (the sample itself where the stretch ends). Places are
        // frames' byte offsets in the ring; first and last are the stretch's first and last frame's.
        private void Settle(int channel, int high, int atHigh, int low, int atLow, int first, int last, StretchPeaks peaks)
        {
            byte[] bytes = _bytes;
            int highValue = high >> 8;
            int lowSize = -(low >> 8);
            int at = highValue > lowSize ? atHigh : atLow;
            if (highValue == lowSize && atHigh != atLow)
            {
                // the earlier of the two, counted from the stretch's first frame round the ring
                int size = bytes.Length;
                int fromHigh = atHigh - first;
                int fromLow = atLow - first;
                at = (fromHigh < 0 ? fromHigh + size : fromHigh) <= (fromLow < 0 ? fromLow + size : fromLow) ? atHigh : atLow;
            }

            int slot = 4 * channel;
            int peak = BitConverter.ToInt32(bytes, at + slot) >> 8;
            peaks.Peak[channel] = peak;
            peaks.Before[channel] = at == first ? peak : BitConverter.ToInt32(bytes, (at == 0 ? bytes.Length : at) - BytesPerFrame + slot) >> 8;
            int after = at + BytesPerFrame;
            peaks.After[channel] = at == last ? peak : BitConverter.ToInt32(bytes, (after == bytes.Length ? 0 : after) + slot) >> 8;
        }

        // A slot's top 24 bits as a signed value: the arithmetic shift keeps the sign.
        private int Convert(int frame, int count, int[] interleaved, int to)
        {
            byte[] bytes = _bytes;
            int at = frame * BytesPerFrame;
            int end = to + 2 * count;
            while (to < end)
            {
                interleaved[to] = BitConverter.ToInt32(bytes, at) >> 8;
                interleaved[to + 1] = BitConverter.ToInt32(bytes, at + 4) >> 8;
                at += BytesPerFrame;
                to += 2;
            }

            return to;
        }
    }
}
