using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Controls
{
    /// <summary>What <see cref="DebouncedInput.Update"/> decided this tick.</summary>
    public enum InputChange
    {
        None = 0,

        /// <summary>The input became active (a button pressed, a plug inserted), settled.</summary>
        Activated = 1,

        /// <summary>The input became inactive, settled.</summary>
        Deactivated = 2,

        /// <summary>The input will not settle (a failing contact): ignored from now on. If it was active it counts as inactive.</summary>
        StartedChattering = 3,

        /// <summary>The chattering input has been quiet long enough: in use again, at the level it now reads.</summary>
        StoppedChattering = 4,
    }

    /// <summary>
    /// Software debounce of one digital input, from its raw edges: the level counts once no edge
    /// has arrived for <see cref="DebounceMs"/>, and is then read from the pin itself (a dropped
    /// edge cannot leave it wrong). An input that does not settle for <see cref="ChatterMs"/>, or
    /// makes more than <see cref="ChatterEdges"/> edges within a second, chatters: it is ignored
    /// until it has been quiet for <see cref="QuietMs"/>.
    /// </summary>
    public sealed class DebouncedInput
    {
        /// <summary>No edge for this long and the level counts (contacts bounce for 0.1–5 ms).</summary>
        public const int DefaultDebounceMs = 20;

        /// <summary>Unsettled for this long: chattering (a person cannot press that fast).</summary>
        public const int ChatterMs = 500;

        /// <summary>More raw edges than this within one second: chattering (a bouncy double press makes about 30).</summary>
        public const int ChatterEdges = 64;

        /// <summary>A chattering input is back in use after this long without an edge.</summary>
        public const int QuietMs = 1000;

        private readonly IDigitalInput _input;
        private readonly bool _activeLow;
        private readonly int _debounceMs;
        private bool _active;
        private bool _unsettled;
        private long _lastEdgeMs;
        private long _unsettledSinceMs;
        private long _edgeWindowStartMs;
        private int _edgesInWindow;
        private bool _chattering;

        public DebouncedInput(IDigitalInput input, bool activeLow, int debounceMs)
        {
            _input = input;
            _activeLow = activeLow;
            _debounceMs = debounceMs;
            _active = IsActiveLevel(input.Read());
        }

        public IDigitalInput Input
        {
            get { return _input; }
        }

        public int DebounceMs
        {
            get { return _debounceMs; }
        }

        /// <summary>The settled state (false while chattering).</summary>
        public bool Active
        {
            get { return _active && !_chattering; }
        }

        public bool Chattering
        {
            get { return _chattering; }
        }

        /// <summary>No edge waits to be judged and the input is not chattering: <see cref="Update"/> has nothing to decide until the next <see cref="OnEdge"/>.</summary>
        public bool Settled
        {
            get { return !_unsettled && !_chattering; }
        }

        /// <summary>A raw edge (from the queue) at <paramref name="timeMs"/>.</summary>
        public void OnEdge(long timeMs)
        {
            _lastEdgeMs = timeMs;
            if (!_unsettled)
            {
                _unsettled = true;
                _unsettledSinceMs = timeMs;
            }

            if (timeMs - _edgeWindowStartMs >= 1000)
            {
                _edgeWindowStartMs = timeMs;
                _edgesInWindow = 0;
            }

            _edgesInWindow++;
        }

        /// <summary>Decides, at the tick's time, whether the input changed.</summary>
        public InputChange Update(long nowMs)
        {
            if (_chattering)
            {
                if (nowMs - _lastEdgeMs < QuietMs)
                {
                    return InputChange.None;
                }

                _chattering = false;
                _unsettled = false;
                _active = IsActiveLevel(_input.Read());
                return InputChange.StoppedChattering;
            }

            if (!_unsettled)
            {
                return InputChange.None;
            }

            if (nowMs - _lastEdgeMs >= _debounceMs)
            {
                _unsettled = false;
                bool active = IsActiveLevel(_input.Read());
                if (active == _active)
                {
                    return InputChange.None;
                }

                _active = active;
                return active ? InputChange.Activated : InputChange.Deactivated;
            }

            if (nowMs - _unsettledSinceMs >= ChatterMs || _edgesInWindow > ChatterEdges)
            {
                _chattering = true;
                return InputChange.StartedChattering;
            }

            return InputChange.None;
        }

        private bool IsActiveLevel(bool level)
        {
            return _activeLow ? !level : level;
        }
    }
}
