namespace InterfaceFirmware.Firmware.Controls
{
    /// <summary>The actions the gestures of one tick asked for, in order (preallocated; the tick drains it).</summary>
    public sealed class ActionQueue
    {
        private readonly UserAction[] _actions;
        private int _count;
        private int _read;

        public ActionQueue(int capacity)
        {
            _actions = new UserAction[capacity];
        }

        public void Add(UserAction action)
        {
            if (action != UserAction.None && _count < _actions.Length)
            {
                _actions[_count++] = action;
            }
        }

        public bool TryTake(out UserAction action)
        {
            if (_read == _count)
            {
                _read = 0;
                _count = 0;
                action = UserAction.None;
                return false;
            }

            action = _actions[_read++];
            return true;
        }
    }
}
